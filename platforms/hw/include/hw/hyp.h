/*
 * hw/hyp.h -- the kernel's upcalls (rumpuser_init) as the hw platform
 * calls them around blocking: a NULL upcall table (no kernel yet, e.g.
 * a platform self-test) makes them no-ops.
 */
#ifndef HW_HYP_H
#define HW_HYP_H

#include "rumpuser.h"

extern const struct rumpuser_hyperup *rumphw_hyp;

static inline void rumphw_hyp_unschedule(void)
{
	if (rumphw_hyp != 0)
		rumphw_hyp->hyp_unschedule();
}

static inline void rumphw_hyp_schedule(void)
{
	if (rumphw_hyp != 0)
		rumphw_hyp->hyp_schedule();
}

#endif /* HW_HYP_H */
