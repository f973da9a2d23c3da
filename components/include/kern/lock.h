/*
 * kern/lock.h -- kernel mutexes, reader/writer locks and condition
 * variables (components/kern/lock.c), built on the host's through
 * rumpuser.  Callers hold a virtual CPU; waiting releases it.
 */
#ifndef KERN_LOCK_H
#define KERN_LOCK_H

#include <kern/types.h>

struct rumpuser_mtx;
struct rumpuser_rw;
struct rumpuser_cv;

typedef struct kmutex {
	struct rumpuser_mtx *mtx;
} kmutex_t;

typedef struct krwlock {
	struct rumpuser_rw *rw;
} krwlock_t;

typedef struct kcondvar {
	struct rumpuser_cv *cv;
} kcondvar_t;

/* mutex_init: set up m.  MUTEX_SPIN: never sleeps (short sections only). */
#define MUTEX_DEFAULT 0
#define MUTEX_SPIN 1
void mutex_init(kmutex_t *m, int type);
void mutex_destroy(kmutex_t *m);
/* mutex_enter: lock m; may block.  Not recursive. */
void mutex_enter(kmutex_t *m);
/* mutex_tryenter: lock m if free; true if locked. */
bool mutex_tryenter(kmutex_t *m);
void mutex_exit(kmutex_t *m);
/* mutex_owned: true if the calling lwp holds m (for KASSERTs). */
bool mutex_owned(kmutex_t *m);

#define RW_READER 0
#define RW_WRITER 1
void rw_init(krwlock_t *rw);
void rw_destroy(krwlock_t *rw);
void rw_enter(krwlock_t *rw, int op);
bool rw_tryenter(krwlock_t *rw, int op);
void rw_exit(krwlock_t *rw);
/* rw_write_held: true if the calling lwp holds rw as writer. */
bool rw_write_held(krwlock_t *rw);
/* rw_lock_held: true if rw is held in either mode (by anyone, for reads). */
bool rw_lock_held(krwlock_t *rw);

void cv_init(kcondvar_t *cv);
void cv_destroy(kcondvar_t *cv);
/* cv_wait: release m, wait for a signal, take m again. */
void cv_wait(kcondvar_t *cv, kmutex_t *m);
/*
 * cv_timedwait: as cv_wait for at most ns nanoseconds (<= 0: no wait
 * beyond a check).  Returns 0 when woken, -ETIMEDOUT when the time ran
 * out.
 */
int cv_timedwait(kcondvar_t *cv, kmutex_t *m, int64_t ns);
/*
 * cv_wait_sig / cv_timedwait_sig: as above, but a signal posted to the
 * calling lwp (or its process being killed) ends the wait with -EINTR.
 * ns < 0 means no timeout.  m must not be the process's p_lock.  Like cv_wait they may return 0 without a
 * wake-up (at least every 100 ms), so callers loop on their condition
 * and recompute the time left from their own deadline.
 */
int cv_wait_sig(kcondvar_t *cv, kmutex_t *m);
int cv_timedwait_sig(kcondvar_t *cv, kmutex_t *m, int64_t ns);
void cv_signal(kcondvar_t *cv);
void cv_broadcast(kcondvar_t *cv);
bool cv_has_waiters(kcondvar_t *cv);

#endif /* KERN_LOCK_H */
