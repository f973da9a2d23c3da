/*
 * clock.c -- the rumpuser clock calls: monotonic time from the
 * architecture's counter, wall time as that plus the wall time at its
 * zero, sleeps on the scheduler's timer list.
 */
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/sched.h"

#define NSEC 1000000000LL

int rumpuser_clock_gettime(int clock, int64_t *sec, int64_t *nsec)
{
	int64_t ns = (int64_t)rumphw_md_nsec();

	switch (clock) {
	case RUMPUSER_CLOCK_RELWALL:
		ns += rumphw_md_wall_base();
		break;
	case RUMPUSER_CLOCK_ABSMONO:
		break;
	default:
		return HW_EINVAL;
	}
	*sec = ns / NSEC;
	*nsec = ns % NSEC;
	return 0;
}

int rumpuser_clock_sleep(int clock, int64_t sec, int64_t nsec)
{
	uint64_t deadline, t;

	if (nsec < 0 || nsec >= NSEC)
		return HW_EINVAL;
	if (sec < 0)
		sec = 0, nsec = 0;
	if (sec > (INT64_MAX / 4) / NSEC)
		sec = (INT64_MAX / 4) / NSEC; /* about 73 years */
	t = (uint64_t)sec * NSEC + (uint64_t)nsec;
	switch (clock) {
	case RUMPUSER_CLOCK_RELWALL:
		deadline = rumphw_md_nsec() + t;
		break;
	case RUMPUSER_CLOCK_ABSMONO:
		deadline = t;
		break;
	default:
		return HW_EINVAL;
	}
	rumphw_hyp_unschedule();
	while (rumphw_md_nsec() < deadline)
		rumphw_sched_block(NULL, deadline);
	rumphw_hyp_schedule();
	return 0;
}
