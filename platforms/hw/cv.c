/*
 * cv.c -- rumpuser condition variables.  "Release the mutex and wait" is
 * atomic because nothing runs between the two steps on a cooperative
 * CPU.  The order of rumpuser.h holds: release the virtual CPU, wait,
 * take the mutex again, and only then take a virtual CPU.
 */
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/sched.h"

#define NSEC 1000000000LL

struct rumpuser_cv {
	struct rumphw_tq waiters;
	int nwaiters;
};

void rumpuser_cv_init(struct rumpuser_cv **cvp)
{
	struct rumpuser_cv *cv = rumphw_alloc(sizeof(*cv));

	if (cv == NULL)
		rumphw_panic("rumpuser_cv_init: out of memory");
	rumphw_tq_init(&cv->waiters);
	*cvp = cv;
}

void rumpuser_cv_destroy(struct rumpuser_cv *cv)
{
	if (cv->nwaiters)
		rumphw_panic("cv %p destroyed with %d waiters", (void *)cv,
		    cv->nwaiters);
	rumphw_free(cv, sizeof(*cv));
}

/* Wait on cv with mtx released; true if signalled, false on timeout. */
static bool wait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx,
    uint64_t deadline, bool wrap)
{
	bool woken;

	if (!rumphw_mutex_held(mtx))
		rumphw_panic("cv_wait on cv %p without holding mutex %p",
		    (void *)cv, (void *)mtx);
	cv->nwaiters++;
	if (wrap)
		rumphw_hyp_unschedule();
	rumpuser_mutex_exit(mtx);
	woken = rumphw_sched_block(&cv->waiters, deadline);
	rumpuser_mutex_enter_nowrap(mtx);
	if (wrap)
		rumphw_hyp_schedule();
	cv->nwaiters--;
	return woken;
}

void rumpuser_cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	wait(cv, mtx, 0, true);
}

void rumpuser_cv_wait_nowrap(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	wait(cv, mtx, 0, false);
}

int rumpuser_cv_timedwait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx,
    int64_t sec, int64_t nsec)
{
	uint64_t now = rumphw_md_nsec(), rel;

	if (sec < 0 || nsec < 0 || nsec >= NSEC)
		rel = 0;
	else if ((uint64_t)sec > (UINT64_MAX / 4 - (uint64_t)nsec) / NSEC)
		rel = UINT64_MAX / 4; /* about 146 years: forever */
	else
		rel = (uint64_t)sec * NSEC + (uint64_t)nsec;
	return wait(cv, mtx, now + rel + (now + rel == 0), true) ? 0 :
								  HW_ETIMEDOUT;
}

void rumpuser_cv_signal(struct rumpuser_cv *cv)
{
	rumphw_tq_wakeone(&cv->waiters);
}

void rumpuser_cv_broadcast(struct rumpuser_cv *cv)
{
	rumphw_tq_wakeall(&cv->waiters);
}

void rumpuser_cv_has_waiters(struct rumpuser_cv *cv, int *waitersp)
{
	*waitersp = cv->nwaiters;
}
