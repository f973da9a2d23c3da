/*
 * sync_rw.c -- kernel reader/writer locks.
 *
 * Not pthread_rwlock: the kernel needs tryupgrade and an atomic
 * downgrade, which pthreads lacks, and rw_held needs the reader count
 * anyway.  The lock is one atomic word taken with compare-and-swap on the
 * fast path; waiters sleep on a pthread mutex and condition variable.
 * Readers are let in whenever no writer holds the lock, so a thread that
 * already reads may read again without deadlock (as with the default
 * glibc rwlock), at the price that writers can starve under heavy read
 * load.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "rumpuser_int.h"

#define RW_WRITER  UINT64_C(1) /* held by a writer */
#define RW_WAITERS UINT64_C(2) /* someone sleeps in rw_sleep() */
#define RW_READER  UINT64_C(4) /* one reader: the count is state / 4 */

struct rumpuser_rw {
	uint64_t state;         /* RW_* */
	void *writer;           /* rw_self() of the writer, for rw_held */
	pthread_mutex_t sleeplock;
	pthread_cond_t wakeup;
};

/*
 * Who "us" is for rw_held: the bound lwp, or for a thread without one
 * the address of its TLS slot, which no other thread and no lwp shares.
 */
static inline void *
rw_self(void)
{
	void *lwp = rumpuser__curlwp;

	return lwp != NULL ? lwp : (void *)&rumpuser__curlwp;
}

static int
rw_tryread(struct rumpuser_rw *rw)
{
	uint64_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	do {
		if (s & RW_WRITER)
			return EBUSY;
	} while (!__atomic_compare_exchange_n(&rw->state, &s, s + RW_READER,
	    1, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
	return 0;
}

static int
rw_trywrite(struct rumpuser_rw *rw)
{
	uint64_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	do {
		if ((s & ~RW_WAITERS) != 0)
			return EBUSY;
	} while (!__atomic_compare_exchange_n(&rw->state, &s, s | RW_WRITER,
	    1, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
	__atomic_store_n(&rw->writer, rw_self(), __ATOMIC_RELAXED);
	return 0;
}

static int
rw_try(int op, struct rumpuser_rw *rw)
{
	switch (op) {
	case RUMPUSER_RW_READER:
		return rw_tryread(rw);
	case RUMPUSER_RW_WRITER:
		return rw_trywrite(rw);
	default:
		RUMPUSER__FATAL("rw: unknown op", 0);
	}
}

/*
 * Sleep until the lock is taken.  RW_WAITERS is set under sleeplock
 * before each try, so a release either happened before the try (which
 * then succeeds) or sees RW_WAITERS and wakes us via rw_wakeup(), which
 * needs sleeplock and so cannot slip in before we sleep.
 */
static void
rw_sleep(int op, struct rumpuser_rw *rw)
{
	pthread_mutex_lock(&rw->sleeplock);
	for (;;) {
		__atomic_fetch_or(&rw->state, RW_WAITERS, __ATOMIC_RELAXED);
		if (rw_try(op, rw) == 0)
			break;
		pthread_cond_wait(&rw->wakeup, &rw->sleeplock);
	}
	pthread_mutex_unlock(&rw->sleeplock);
}

/* Wake every sleeper; each sets RW_WAITERS again if it must sleep on. */
static void
rw_wakeup(struct rumpuser_rw *rw)
{
	pthread_mutex_lock(&rw->sleeplock);
	__atomic_fetch_and(&rw->state, ~RW_WAITERS, __ATOMIC_RELAXED);
	pthread_cond_broadcast(&rw->wakeup);
	pthread_mutex_unlock(&rw->sleeplock);
}

void
rumpuser_rw_init(struct rumpuser_rw **rwp)
{
	struct rumpuser_rw *rw;
	int error;

	if ((rw = malloc(sizeof(*rw))) == NULL)
		RUMPUSER__FATAL("rw_init", ENOMEM);
	if ((error = pthread_mutex_init(&rw->sleeplock, NULL)) != 0 ||
	    (error = pthread_cond_init(&rw->wakeup, NULL)) != 0)
		RUMPUSER__FATAL("rw_init", error);
	rw->state = 0;
	rw->writer = NULL;
	*rwp = rw;
}

void
rumpuser_rw_enter(int op, struct rumpuser_rw *rw)
{
	if (rw_try(op, rw) == 0)
		return;
	rumpuser__unschedule();
	rw_sleep(op, rw);
	rumpuser__schedule();
}

int
rumpuser_rw_tryenter(int op, struct rumpuser_rw *rw)
{
	return rw_try(op, rw);
}

int
rumpuser_rw_tryupgrade(struct rumpuser_rw *rw)
{
	uint64_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	do {
		/* Only when we are the one reader. */
		if ((s & ~RW_WAITERS) != RW_READER)
			return EBUSY;
	} while (!__atomic_compare_exchange_n(&rw->state, &s,
	    (s - RW_READER) | RW_WRITER, 1, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED));
	__atomic_store_n(&rw->writer, rw_self(), __ATOMIC_RELAXED);
	return 0;
}

void
rumpuser_rw_downgrade(struct rumpuser_rw *rw)
{
	uint64_t old;

	if (!(__atomic_load_n(&rw->state, __ATOMIC_RELAXED) & RW_WRITER) ||
	    __atomic_load_n(&rw->writer, __ATOMIC_RELAXED) != rw_self())
		RUMPUSER__FATAL("rw_downgrade by a non-writer", 0);
	__atomic_store_n(&rw->writer, NULL, __ATOMIC_RELAXED);
	/* One step from writer to one reader: nobody gets in between. */
	old = __atomic_fetch_add(&rw->state, RW_READER - RW_WRITER,
	    __ATOMIC_RELEASE);
	if (old & RW_WAITERS)
		rw_wakeup(rw); /* sleeping readers may come in now */
}

void
rumpuser_rw_exit(struct rumpuser_rw *rw)
{
	uint64_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);
	uint64_t old;

	/* With RW_WRITER set no reader can hold it: we are the writer. */
	if (s & RW_WRITER) {
		__atomic_store_n(&rw->writer, NULL, __ATOMIC_RELAXED);
		old = __atomic_fetch_sub(&rw->state, RW_WRITER,
		    __ATOMIC_RELEASE);
	} else {
		if (s < RW_READER)
			RUMPUSER__FATAL("rw_exit of a free lock", 0);
		old = __atomic_fetch_sub(&rw->state, RW_READER,
		    __ATOMIC_RELEASE);
	}
	/* Sleepers can only progress once a writer or the last reader left. */
	if ((old & RW_WAITERS) &&
	    ((old & RW_WRITER) || (old & ~(RW_WRITER | RW_WAITERS)) ==
	    RW_READER))
		rw_wakeup(rw);
}

void
rumpuser_rw_destroy(struct rumpuser_rw *rw)
{
	if ((__atomic_load_n(&rw->state, __ATOMIC_RELAXED) & ~RW_WAITERS) != 0)
		RUMPUSER__FATAL("rw_destroy of a held lock", 0);
	pthread_cond_destroy(&rw->wakeup);
	pthread_mutex_destroy(&rw->sleeplock);
	free(rw);
}

void
rumpuser_rw_held(int op, struct rumpuser_rw *rw, int *heldp)
{
	uint64_t s = __atomic_load_n(&rw->state, __ATOMIC_RELAXED);

	switch (op) {
	case RUMPUSER_RW_READER:
		*heldp = s >= RW_READER;
		break;
	case RUMPUSER_RW_WRITER:
		*heldp = (s & RW_WRITER) &&
		    __atomic_load_n(&rw->writer, __ATOMIC_RELAXED) == rw_self();
		break;
	default:
		RUMPUSER__FATAL("rw_held: unknown op", 0);
	}
}
