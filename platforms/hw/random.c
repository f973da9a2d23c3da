/*
 * random.c -- rumpuser_getrandom: bytes from virtio-rng when the machine
 * has one, else from the CPU (RDRAND).  With neither, the TSC's jitter
 * is hashed -- not cryptographic, and said so on the console once.
 */
#include "hw/arch.h"
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/virtio.h"

static uint64_t mix(uint64_t x)
{
	/* splitmix64's finaliser: spreads every input bit. */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint64_t jitter64(void)
{
	static uint64_t state;
	static bool warned;

	if (!warned) {
		warned = true;
		rumphw_printf("rumphw: no entropy source (no virtio-rng, no "
			      "RDRAND): random numbers are NOT cryptographic\n");
	}
	for (int i = 0; i < 64; i++)
		state = mix(state ^ rumphw_md_nsec());
	return state;
}

/* Fill from RDRAND; false if the CPU gave nothing (none, or failing). */
static bool fill_cpu(unsigned char *p, uint64_t len, uint64_t *got)
{
	uint64_t v;

	while (*got < len) {
		if (!rumphw_md_random(&v))
			return false;
		for (int i = 0; i < 8 && *got < len; i++, v >>= 8)
			p[(*got)++] = (unsigned char)v;
	}
	return true;
}

static void fill_jitter(unsigned char *p, uint64_t len, uint64_t *got)
{
	while (*got < len) {
		uint64_t v = jitter64();
		for (int i = 0; i < 8 && *got < len; i++, v >>= 8)
			p[(*got)++] = (unsigned char)v;
	}
}

int rumpuser_getrandom(void *buf, uint64_t buflen, int flags, uint64_t *retp)
{
	bool nowait = (flags & RUMPUSER_RANDOM_NOWAIT) != 0;
	bool virtio = rumphw_virtio_rng_present();
	uint64_t got = 0;

	if (flags & ~(RUMPUSER_RANDOM_HARD | RUMPUSER_RANDOM_NOWAIT))
		return HW_EINVAL;
	if (virtio) {
		if (!nowait)
			rumphw_hyp_unschedule();
		got = rumphw_virtio_rng_read(buf, buflen, nowait);
		if (!nowait)
			rumphw_hyp_schedule();
	}
	/* NOWAIT may come back short; only with no source at all (or a
	 * failing RDRAND and no device) does the jitter fallback run. */
	if (got < buflen && !fill_cpu(buf, buflen, &got) && !virtio)
		fill_jitter(buf, buflen, &got);
	*retp = got;
	return 0;
}
