/*
 * mutex.c -- rumpuser mutexes on the cooperative scheduler.  With one
 * CPU and no preemption, testing and setting the owner cannot be
 * interrupted; a contended mutex puts the thread on the mutex's wait
 * queue.  Blocking follows rumpuser.h: the virtual CPU is released
 * first unless the call is _nowrap or the mutex is a spin mutex.
 */
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/sched.h"

struct rumpuser_mtx {
	struct rumphw_thread *owner;
	void *ownerlwp;
	int flags;
	struct rumphw_tq waiters;
};

void rumpuser_mutex_init(struct rumpuser_mtx **mtxp, int flags)
{
	struct rumpuser_mtx *m = rumphw_alloc(sizeof(*m));

	if (m == NULL)
		rumphw_panic("rumpuser_mutex_init: out of memory");
	m->flags = flags;
	rumphw_tq_init(&m->waiters);
	*mtxp = m;
}

static void take(struct rumpuser_mtx *m)
{
	m->owner = rumphw_curthread();
	m->ownerlwp = (m->flags & RUMPUSER_MTX_KMUTEX) ? rumpuser_curlwp() : NULL;
}

void rumpuser_mutex_enter_nowrap(struct rumpuser_mtx *m)
{
	struct rumphw_thread *self = rumphw_curthread();

	while (m->owner) {
		if (m->owner == self)
			rumphw_panic("mutex %p entered twice by \"%s\"", (void *)m,
			    self->name);
		rumphw_sched_block(&m->waiters, 0);
	}
	take(m);
}

void rumpuser_mutex_enter(struct rumpuser_mtx *m)
{
	if (m->owner == NULL) {
		take(m);
		return;
	}
	if (m->flags & RUMPUSER_MTX_SPIN) {
		/* A spin mutex keeps the CPU while it waits. */
		rumpuser_mutex_enter_nowrap(m);
		return;
	}
	rumphw_hyp_unschedule();
	rumpuser_mutex_enter_nowrap(m);
	rumphw_hyp_schedule();
}

int rumpuser_mutex_tryenter(struct rumpuser_mtx *m)
{
	if (m->owner)
		return HW_EBUSY;
	take(m);
	return 0;
}

void rumpuser_mutex_exit(struct rumpuser_mtx *m)
{
	if (m->owner == NULL)
		rumphw_panic("mutex %p exited but not held", (void *)m);
	m->owner = NULL;
	m->ownerlwp = NULL;
	rumphw_tq_wakeone(&m->waiters);
}

void rumpuser_mutex_destroy(struct rumpuser_mtx *m)
{
	if (m->owner || m->waiters.head)
		rumphw_panic("mutex %p destroyed while in use", (void *)m);
	rumphw_free(m, sizeof(*m));
}

void rumpuser_mutex_owner(struct rumpuser_mtx *m, void **lwpp)
{
	*lwpp = m->owner ? m->ownerlwp : NULL;
}

bool rumphw_mutex_held(struct rumpuser_mtx *m)
{
	return m->owner == rumphw_curthread();
}
