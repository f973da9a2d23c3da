/*
 * sync_mutex.c -- kernel mutexes on pthread mutexes.  The uncontended
 * path never leaves the virtual CPU; only a wait releases it.
 */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>

#include "rumpuser_int.h"

/* Doubling busy-wait rounds before a spinner yields the host CPU. */
#define MTX_SPIN_MAX 1024

/* pthread_mutex_trylock: 0 or EBUSY; anything else is a broken mutex. */
static int
mtx_trylock(struct rumpuser_mtx *mtx)
{
	int error = pthread_mutex_trylock(&mtx->pthmtx);

	if (error != 0 && error != EBUSY)
		RUMPUSER__FATAL("mutex trylock", error);
	return error;
}

static void
mtx_lock(struct rumpuser_mtx *mtx)
{
	int error;

	if ((error = pthread_mutex_lock(&mtx->pthmtx)) != 0)
		RUMPUSER__FATAL("mutex lock", error);
}

/*
 * A spin mutex's holder keeps its virtual CPU and is running, so the
 * wait is short: spin, backing off, and let the host run the holder if
 * it got preempted.
 */
static void
mtx_spin(struct rumpuser_mtx *mtx)
{
	unsigned int i, spins = 1;

	while (mtx_trylock(mtx) != 0) {
		for (i = 0; i < spins; i++)
			rumpuser__cpu_relax();
		if (spins < MTX_SPIN_MAX)
			spins *= 2;
		else
			sched_yield();
	}
}

void
rumpuser_mutex_init(struct rumpuser_mtx **mtxp, int flags)
{
	struct rumpuser_mtx *mtx;
	int error;

	if ((flags & ~(RUMPUSER_MTX_SPIN | RUMPUSER_MTX_KMUTEX)) != 0)
		RUMPUSER__FATAL("mutex_init: unknown flags", 0);
	if ((mtx = malloc(sizeof(*mtx))) == NULL)
		RUMPUSER__FATAL("mutex_init", ENOMEM);
	if ((error = pthread_mutex_init(&mtx->pthmtx, NULL)) != 0)
		RUMPUSER__FATAL("mutex_init", error);
	mtx->owner = NULL;
	mtx->flags = flags;
	*mtxp = mtx;
}

void
rumpuser_mutex_enter(struct rumpuser_mtx *mtx)
{
	if (mtx->flags & RUMPUSER_MTX_SPIN) {
		/* Spinning holds the CPU: a spin mutex is never slept on. */
		mtx_spin(mtx);
	} else if (mtx_trylock(mtx) != 0) {
		/*
		 * Take the lock before the CPU: a holder that waits for a CPU
		 * gets ours, and we never hold a CPU while waiting here.
		 */
		rumpuser__unschedule();
		mtx_lock(mtx);
		rumpuser__schedule();
	}
	rumpuser__mutex_taken(mtx, rumpuser__curlwp);
}

void
rumpuser_mutex_enter_nowrap(struct rumpuser_mtx *mtx)
{
	if (mtx->flags & RUMPUSER_MTX_SPIN)
		mtx_spin(mtx);
	else
		mtx_lock(mtx);
	rumpuser__mutex_taken(mtx, rumpuser__curlwp);
}

int
rumpuser_mutex_tryenter(struct rumpuser_mtx *mtx)
{
	if (mtx_trylock(mtx) != 0)
		return EBUSY;
	rumpuser__mutex_taken(mtx, rumpuser__curlwp);
	return 0;
}

void
rumpuser_mutex_exit(struct rumpuser_mtx *mtx)
{
	int error;

	rumpuser__mutex_releasing(mtx);
	if ((error = pthread_mutex_unlock(&mtx->pthmtx)) != 0)
		RUMPUSER__FATAL("mutex unlock", error);
}

void
rumpuser_mutex_destroy(struct rumpuser_mtx *mtx)
{
	int error;

	if ((error = pthread_mutex_destroy(&mtx->pthmtx)) != 0)
		RUMPUSER__FATAL("mutex_destroy of a held mutex", error);
	free(mtx);
}

void
rumpuser_mutex_owner(struct rumpuser_mtx *mtx, void **lwpp)
{
	*lwpp = (mtx->flags & RUMPUSER_MTX_KMUTEX) ?
	    __atomic_load_n(&mtx->owner, __ATOMIC_RELAXED) : NULL;
}
