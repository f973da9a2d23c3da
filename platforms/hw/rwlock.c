/*
 * rwlock.c -- rumpuser reader/writer locks on the cooperative scheduler.
 * Readers only wait for an active writer (so a thread may take a read
 * lock it already holds); writers wait for everyone.  A release wakes
 * all waiters, who try again.
 */
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/sched.h"

struct rumpuser_rw {
	struct rumphw_thread *writer;
	unsigned readers;
	struct rumphw_tq waiters;
};

void rumpuser_rw_init(struct rumpuser_rw **rwp)
{
	struct rumpuser_rw *rw = rumphw_alloc(sizeof(*rw));

	if (rw == NULL)
		rumphw_panic("rumpuser_rw_init: out of memory");
	rumphw_tq_init(&rw->waiters);
	*rwp = rw;
}

int rumpuser_rw_tryenter(int op, struct rumpuser_rw *rw)
{
	if (op == RUMPUSER_RW_WRITER) {
		if (rw->writer || rw->readers)
			return HW_EBUSY;
		rw->writer = rumphw_curthread();
		return 0;
	}
	if (rw->writer)
		return HW_EBUSY;
	rw->readers++;
	return 0;
}

void rumpuser_rw_enter(int op, struct rumpuser_rw *rw)
{
	if (rumpuser_rw_tryenter(op, rw) == 0)
		return;
	if (rw->writer == rumphw_curthread())
		rumphw_panic("rwlock %p: writer enters again", (void *)rw);
	rumphw_hyp_unschedule();
	while (rumpuser_rw_tryenter(op, rw) != 0)
		rumphw_sched_block(&rw->waiters, 0);
	rumphw_hyp_schedule();
}

int rumpuser_rw_tryupgrade(struct rumpuser_rw *rw)
{
	if (rw->writer || rw->readers != 1)
		return HW_EBUSY;
	rw->readers = 0;
	rw->writer = rumphw_curthread();
	return 0;
}

void rumpuser_rw_downgrade(struct rumpuser_rw *rw)
{
	if (rw->writer != rumphw_curthread())
		rumphw_panic("rwlock %p: downgrade without write lock", (void *)rw);
	rw->writer = NULL;
	rw->readers = 1;
	rumphw_tq_wakeall(&rw->waiters);
}

void rumpuser_rw_exit(struct rumpuser_rw *rw)
{
	if (rw->writer)
		rw->writer = NULL;
	else if (rw->readers)
		rw->readers--;
	else
		rumphw_panic("rwlock %p exited but not held", (void *)rw);
	if (rw->readers == 0)
		rumphw_tq_wakeall(&rw->waiters);
}

void rumpuser_rw_destroy(struct rumpuser_rw *rw)
{
	if (rw->writer || rw->readers || rw->waiters.head)
		rumphw_panic("rwlock %p destroyed while in use", (void *)rw);
	rumphw_free(rw, sizeof(*rw));
}

void rumpuser_rw_held(int op, struct rumpuser_rw *rw, int *heldp)
{
	if (op == RUMPUSER_RW_WRITER)
		*heldp = rw->writer == rumphw_curthread();
	else
		*heldp = rw->readers > 0;
}
