/*
 * hyp.c -- rumpuser_init (the kernel's upcalls) and rumpuser_exit.
 */
#include "hw/arch.h"
#include "hw/hyp.h"
#include "hw/lib.h"

const struct rumpuser_hyperup *rumphw_hyp;

int rumpuser_init(int version, const struct rumpuser_hyperup *hyp)
{
	if (version != RUMPUSER_VERSION) {
		rumphw_printf("rumphw: kernel wants hypercall interface "
			      "version %d, this platform has %d\n",
		    version, RUMPUSER_VERSION);
		return HW_EINVAL;
	}
	if (hyp == NULL || hyp->hyp_schedule == NULL ||
	    hyp->hyp_unschedule == NULL)
		return HW_EINVAL;
	rumphw_hyp = hyp;
	return 0;
}

void rumpuser_exit(int value)
{
	rumphw_md_exit(value);
}
