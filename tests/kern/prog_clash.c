/*
 * prog_clash.c -- a host program that defines its own malloc family,
 * printf, memcpy and strlen, linked with a rump kernel.  It links (no
 * duplicate symbols) and runs with both sets of functions in use: the
 * kernel's are renamed rumpns_* at archive time.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump.h>

static char arena[64 << 20];
static size_t arena_used;
static int my_calls;

void *
malloc(size_t n)
{
	size_t at = (arena_used + 15) & ~(size_t)15;

	if (at + n + 16 > sizeof(arena))
		return NULL;
	arena_used = at + n + 16;
	*(size_t *)(arena + at) = n;
	my_calls++;
	return arena + at + 16;
}

void
free(void *p)
{
	(void)p; /* a bump allocator never gives back */
}

void *
calloc(size_t a, size_t b)
{
	void *p = malloc(a * b);

	if (p != NULL)
		for (size_t i = 0; i < a * b; i++)
			((char *)p)[i] = 0;
	return p;
}

void *
realloc(void *old, size_t n)
{
	void *p = malloc(n);

	if (p != NULL && old != NULL) {
		size_t oldn = *(size_t *)((char *)old - 16);
		for (size_t i = 0; i < (oldn < n ? oldn : n); i++)
			((char *)p)[i] = ((char *)old)[i];
	}
	return p;
}

int posix_memalign(void **pp, size_t align, size_t n)
{
	char *p = malloc(n + align);

	if (p == NULL)
		return 12;
	*pp = (void *)(((size_t)p + align - 1) & ~(align - 1));
	return 0;
}

void *aligned_alloc(size_t align, size_t n)
{
	void *p;

	return posix_memalign(&p, align, n) == 0 ? p : NULL;
}

size_t
strlen(const char *s)
{
	size_t n = 0;

	my_calls++;
	while (s[n])
		n++;
	return n;
}

void *
memcpy(void *d, const void *s, size_t n)
{
	my_calls++;
	for (size_t i = 0; i < n; i++)
		((char *)d)[i] = ((const char *)s)[i];
	return d;
}

int
printf(const char *fmt, ...)
{
	size_t n = strlen(fmt);

	my_calls++;
	return (int)write(1, fmt, n);
}

int
main(void)
{
	if (rump_init() != 0)
		return 1;
	rump_schedule();
	rump_unschedule();
	printf("own printf works\n");
	return my_calls > 0 ? 0 : 1;
}
