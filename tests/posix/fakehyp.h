/*
 * fakehyp.h -- fake kernel upcalls for the librumpuser tests: they count
 * schedule/unschedule/lwpexit calls and catch discipline violations
 * (releasing a CPU not held, taking one while holding one).
 */
#ifndef FAKEHYP_H
#define FAKEHYP_H

#include <stdint.h>

#include "rumpuser.h"

struct fakehyp_counts {
	int nsched;     /* hyp_schedule calls */
	int nunsched;   /* hyp_unschedule calls */
	int nlwpexit;   /* hyp_lwpexit calls */
	int nviolation; /* schedule with a CPU or unschedule without one */
};

/* The upcall table, for tests that call rumpuser_init themselves. */
extern const struct rumpuser_hyperup fakehyp_upcalls;

/* The last lwp hyp_lwpexit was called with. */
extern void *volatile fakehyp_lastlwpexit;

/*
 * fakehyp_init: rumpuser_init with the fake upcalls and ncpu virtual
 * CPUs (0: unlimited, schedule never waits; n: a counting semaphore, so
 * a thread waits in hyp_schedule while n others hold CPUs).
 */
void fakehyp_init(int ncpu);

/* Zero all counters. */
void fakehyp_reset(void);
/* Snapshot of the counters of all threads. */
struct fakehyp_counts fakehyp_get(void);

/* Take / give back a CPU as the calling thread, as kernel entry does. */
void fakehyp_enter(void);
void fakehyp_leave(void);
/* Whether the calling thread holds a CPU. */
int fakehyp_has_cpu(void);

/* Monotonic time in nanoseconds, for measuring waits. */
int64_t fakehyp_now_ns(void);
/* Sleep for ms milliseconds with the host's usleep (no upcalls). */
void fakehyp_msleep(int ms);

#endif /* FAKEHYP_H */
