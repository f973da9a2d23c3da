/*
 * rdrand.c -- the CPU's random number generator (RDRAND), the entropy
 * source when there is no virtio-rng.  RDSEED is not used.
 */
#include "hw/arch.h"
#include "x86.h"

bool rumphw_md_random(uint64_t *v)
{
	if (!rumphw_cpu_features.rdrand)
		return false;
	/* Intel's DRNG guide: retry a few times on a transient failure. */
	for (int i = 0; i < 10; i++) {
		uint8_t ok;
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}
