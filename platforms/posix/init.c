/* init.c -- rumpuser_init: interface version check and upcall storage. */
#include <errno.h>
#include <stdio.h>

#include "rumpuser_int.h"

struct rumpuser_hyperup rumpuser__hyp;

int
rumpuser_init(int version, const struct rumpuser_hyperup *hyp)
{
	if (version != RUMPUSER_VERSION) {
		fprintf(stderr, "rumpuser: kernel wants hypercall interface "
		    "version %d, this host provides %d\n", version,
		    RUMPUSER_VERSION);
		return EINVAL;
	}
	if (hyp == NULL || hyp->hyp_schedule == NULL ||
	    hyp->hyp_unschedule == NULL || hyp->hyp_lwpexit == NULL) {
		fprintf(stderr, "rumpuser: rumpuser_init without upcalls\n");
		return EINVAL;
	}
	/*
	 * A copy, not the pointer: the blocking paths then read the upcall
	 * with one load instead of two.
	 */
	rumpuser__hyp = *hyp;
	return 0;
}
