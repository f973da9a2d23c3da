/*
 * malloc.c -- allocator stress: many sizes from 1 byte to 1 MiB,
 * allocated, filled, checked, reallocated and freed in a fixed
 * pseudo-random order, so the run is the same everywhere.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512
#define STEPS 200000

static uint32_t seed = 12345;

static uint32_t
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

int
main(void)
{
	static unsigned char *p[SLOTS];
	static size_t len[SLOTS];
	unsigned long allocs = 0, bytes = 0;

	for (int step = 0; step < STEPS; step++) {
		int s = (int)(rnd() % SLOTS);
		if (p[s] != NULL) {
			for (size_t i = 0; i < len[s]; i += 97)
				if (p[s][i] != (unsigned char)s) {
					printf("corruption in slot %d\n", s);
					return 1;
				}
			if (rnd() % 4 == 0) {
				size_t n = rnd() % 4096 + 1;
				unsigned char *q = realloc(p[s], n);
				if (q == NULL)
					return 1;
				if (n > len[s])
					memset(q + len[s], s, n - len[s]);
				p[s] = q;
				len[s] = n;
				continue;
			}
			free(p[s]);
			p[s] = NULL;
			continue;
		}
		len[s] = rnd() % 8 == 0 ? rnd() % (1 << 20) + 1 : rnd() % 512 + 1;
		p[s] = malloc(len[s]);
		if (p[s] == NULL) {
			printf("malloc(%zu) failed\n", len[s]);
			return 1;
		}
		memset(p[s], s, len[s]);
		allocs++;
		bytes += len[s];
	}
	for (int s = 0; s < SLOTS; s++)
		free(p[s]);
	printf("%lu allocations, %lu bytes, no corruption\n", allocs, bytes);
	return 0;
}
