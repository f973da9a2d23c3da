/* sync_cv.c -- kernel condition variables on pthread condition variables. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "rumpuser_int.h"

/* Longer relative timeouts are cut to this (136 years: forever). */
#define CV_MAXSEC ((int64_t)1 << 32)

struct rumpuser_cv {
	pthread_cond_t cond;
	int nwaiters; /* for has_waiters; atomics: waiters may differ in mtx */
};

void
rumpuser_cv_init(struct rumpuser_cv **cvp)
{
	struct rumpuser_cv *cv;
	pthread_condattr_t attr;
	int error;

	if ((cv = malloc(sizeof(*cv))) == NULL)
		RUMPUSER__FATAL("cv_init", ENOMEM);
	/* Timed waits are relative: a wall clock step must not change them. */
	if ((error = pthread_condattr_init(&attr)) != 0 ||
	    (error = pthread_condattr_setclock(&attr, CLOCK_MONOTONIC)) != 0 ||
	    (error = pthread_cond_init(&cv->cond, &attr)) != 0)
		RUMPUSER__FATAL("cv_init", error);
	pthread_condattr_destroy(&attr);
	cv->nwaiters = 0;
	*cvp = cv;
}

void
rumpuser_cv_destroy(struct rumpuser_cv *cv)
{
	int error;

	if (__atomic_load_n(&cv->nwaiters, __ATOMIC_RELAXED) != 0)
		RUMPUSER__FATAL("cv_destroy with waiters", 0);
	if ((error = pthread_cond_destroy(&cv->cond)) != 0)
		RUMPUSER__FATAL("cv_destroy", error);
	free(cv);
}

static void
cv_waitstart(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	__atomic_add_fetch(&cv->nwaiters, 1, __ATOMIC_RELAXED);
	rumpuser__mutex_releasing(mtx);
}

/*
 * After the wait: pthmtx is held again, the CPU is not.  For a sleep
 * mutex take the CPU while holding it (whoever wants it releases its
 * CPU while waiting).  A spin mutex is different: its waiters spin on
 * their CPUs, so holding it while waiting for a CPU could leave every
 * CPU spinning; let it go, take a CPU, then spin for it like they do.
 */
static void
cv_waitdone(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	int error;

	__atomic_sub_fetch(&cv->nwaiters, 1, __ATOMIC_RELAXED);
	if (mtx->flags & RUMPUSER_MTX_SPIN) {
		if ((error = pthread_mutex_unlock(&mtx->pthmtx)) != 0)
			RUMPUSER__FATAL("cv_wait: mutex unlock", error);
		rumpuser__schedule();
		rumpuser_mutex_enter_nowrap(mtx);
	} else {
		rumpuser__schedule();
		rumpuser__mutex_taken(mtx, rumpuser__curlwp);
	}
}

void
rumpuser_cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	int error;

	cv_waitstart(cv, mtx);
	rumpuser__unschedule();
	if ((error = pthread_cond_wait(&cv->cond, &mtx->pthmtx)) != 0)
		RUMPUSER__FATAL("cv_wait", error);
	cv_waitdone(cv, mtx);
}

void
rumpuser_cv_wait_nowrap(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	int error;

	cv_waitstart(cv, mtx);
	if ((error = pthread_cond_wait(&cv->cond, &mtx->pthmtx)) != 0)
		RUMPUSER__FATAL("cv_wait_nowrap", error);
	__atomic_sub_fetch(&cv->nwaiters, 1, __ATOMIC_RELAXED);
	rumpuser__mutex_taken(mtx, rumpuser__curlwp);
}

int
rumpuser_cv_timedwait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx,
    int64_t sec, int64_t nsec)
{
	struct timespec deadline;
	int error;

	if (!rumpuser__nsec_valid(nsec))
		return EINVAL;
	if (clock_gettime(CLOCK_MONOTONIC, &deadline) != 0)
		RUMPUSER__FATAL("cv_timedwait: clock", errno);
	/* A negative time has run out already: wait with a past deadline. */
	if (sec < 0)
		sec = nsec = 0;
	if (sec > CV_MAXSEC)
		sec = CV_MAXSEC;
	deadline.tv_sec += sec;
	deadline.tv_nsec += nsec;
	if (deadline.tv_nsec >= 1000000000) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000;
	}

	cv_waitstart(cv, mtx);
	rumpuser__unschedule();
	error = pthread_cond_timedwait(&cv->cond, &mtx->pthmtx, &deadline);
	if (error != 0 && error != ETIMEDOUT)
		RUMPUSER__FATAL("cv_timedwait", error);
	cv_waitdone(cv, mtx);
	return error;
}

void
rumpuser_cv_signal(struct rumpuser_cv *cv)
{
	pthread_cond_signal(&cv->cond);
}

void
rumpuser_cv_broadcast(struct rumpuser_cv *cv)
{
	pthread_cond_broadcast(&cv->cond);
}

void
rumpuser_cv_has_waiters(struct rumpuser_cv *cv, int *waitersp)
{
	*waitersp = __atomic_load_n(&cv->nwaiters, __ATOMIC_RELAXED);
}
