/*
 * lock.c -- kernel mutexes, rw locks and condvars as thin layers over the
 * host's (rumpuser).  The host releases the virtual CPU while a call
 * waits, so a kernel thread blocked on a lock never holds a CPU.
 */
#include "kern_int.h"
#include <rumpuser.h>

#define CV_SIG_SLICE_NS (100 * 1000 * 1000LL)

void
mutex_init(kmutex_t *m, int type)
{
	rumpuser_mutex_init(&m->mtx, RUMPUSER_MTX_KMUTEX |
	    (type == MUTEX_SPIN ? RUMPUSER_MTX_SPIN : 0));
}

void
mutex_destroy(kmutex_t *m)
{
	rumpuser_mutex_destroy(m->mtx);
}

void
mutex_enter(kmutex_t *m)
{
	rumpuser_mutex_enter(m->mtx);
}

bool
mutex_tryenter(kmutex_t *m)
{
	return rumpuser_mutex_tryenter(m->mtx) == 0;
}

void
mutex_exit(kmutex_t *m)
{
	rumpuser_mutex_exit(m->mtx);
}

bool
mutex_owned(kmutex_t *m)
{
	void *owner;

	rumpuser_mutex_owner(m->mtx, &owner);
	return owner != NULL && owner == curlwp();
}

void
rw_init(krwlock_t *rw)
{
	rumpuser_rw_init(&rw->rw);
}

void
rw_destroy(krwlock_t *rw)
{
	rumpuser_rw_destroy(rw->rw);
}

void
rw_enter(krwlock_t *rw, int op)
{
	rumpuser_rw_enter(op == RW_WRITER ? RUMPUSER_RW_WRITER
					  : RUMPUSER_RW_READER, rw->rw);
}

bool
rw_tryenter(krwlock_t *rw, int op)
{
	return rumpuser_rw_tryenter(op == RW_WRITER ? RUMPUSER_RW_WRITER
						    : RUMPUSER_RW_READER,
	    rw->rw) == 0;
}

void
rw_exit(krwlock_t *rw)
{
	rumpuser_rw_exit(rw->rw);
}

bool
rw_write_held(krwlock_t *rw)
{
	int held;

	rumpuser_rw_held(RUMPUSER_RW_WRITER, rw->rw, &held);
	return held != 0;
}

bool
rw_lock_held(krwlock_t *rw)
{
	int held;

	rumpuser_rw_held(RUMPUSER_RW_READER, rw->rw, &held);
	if (held)
		return true;
	rumpuser_rw_held(RUMPUSER_RW_WRITER, rw->rw, &held);
	return held != 0;
}

void
cv_init(kcondvar_t *cv)
{
	rumpuser_cv_init(&cv->cv);
}

void
cv_destroy(kcondvar_t *cv)
{
	rumpuser_cv_destroy(cv->cv);
}

void
cv_wait(kcondvar_t *cv, kmutex_t *m)
{
	rumpuser_cv_wait(cv->cv, m->mtx);
}

int
cv_timedwait(kcondvar_t *cv, kmutex_t *m, int64_t ns)
{
	int error;

	if (ns <= 0)
		return -ETIMEDOUT;
	error = rumpuser_cv_timedwait(cv->cv, m->mtx, ns / NSEC_PER_SEC,
	    ns % NSEC_PER_SEC);
	return error == 0 ? 0 : -ETIMEDOUT;
}

int
cv_timedwait_sig(kcondvar_t *cv, kmutex_t *m, int64_t ns)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	int64_t slice = ns < 0 || ns > CV_SIG_SLICE_NS ? CV_SIG_SLICE_NS : ns;
	int error;

	mutex_enter(&p->p_lock);
	if (lwp_intr_pending(l)) {
		mutex_exit(&p->p_lock);
		return -EINTR;
	}
	l->l_sleepcv = cv;
	mutex_exit(&p->p_lock);

	error = cv_timedwait(cv, m, slice);
	/* A slice that ran out is a spurious wake-up unless ns did too. */
	if (error == -ETIMEDOUT && slice != ns)
		error = 0;

	mutex_enter(&p->p_lock);
	l->l_sleepcv = NULL;
	if (lwp_intr_pending(l))
		error = -EINTR;
	mutex_exit(&p->p_lock);
	return error;
}

int
cv_wait_sig(kcondvar_t *cv, kmutex_t *m)
{
	return cv_timedwait_sig(cv, m, -1);
}

void
cv_signal(kcondvar_t *cv)
{
	rumpuser_cv_signal(cv->cv);
}

void
cv_broadcast(kcondvar_t *cv)
{
	rumpuser_cv_broadcast(cv->cv);
}

bool
cv_has_waiters(kcondvar_t *cv)
{
	int n;

	rumpuser_cv_has_waiters(cv->cv, &n);
	return n != 0;
}
