/*
 * lwproc.c -- the public process/lwp control API (rump/rump.h): lets the
 * host choose which process and lwp each of its threads runs as.
 */
#include "kern_int.h"
#include <rump/rump.h>

/*
 * Give up the calling thread's current lwp and bind l instead.  Called
 * with a CPU held; returns without one.  An implicit lwp is not kept: it
 * was only ever a stand-in.
 */
static void
lwproc_switch_to(struct lwp *l)
{
	struct lwp *cur = curlwp();

	if (cur->l_flags & LW_IMPLICIT) {
		lwp_exit();
	} else {
		unsched_lwp(cur);
		lwp_unbind(cur);
	}
	if (l != NULL)
		lwp_bind(l);
}

static int
lwproc_newproc(bool fresh, int flags)
{
	struct lwp *l;
	int error;

	rump_schedule();
	error = proc_create(fresh ? &proc0 : curproc, flags, &l);
	if (error != 0) {
		rump_unschedule();
		return -error;
	}
	lwproc_switch_to(l);
	return 0;
}

int
rump_lwproc_newproc(void)
{
	return lwproc_newproc(true, PROC_RFCFDG);
}

int
rump_lwproc_rfork(int flags)
{
	if (flags & ~(RUMP_RFFDG | RUMP_RFCFDG) ||
	    (flags & RUMP_RFFDG && flags & RUMP_RFCFDG))
		return EINVAL;
	return lwproc_newproc(false, flags == 0 ? PROC_RFFDG : flags);
}

int
rump_lwproc_newlwp(int pid)
{
	struct proc *p;
	struct lwp *l;
	int error;

	rump_schedule();
	p = proc_find(pid);
	if (p == NULL) {
		rump_unschedule();
		return ESRCH;
	}
	error = lwp_create(p, 0, &l);
	proc_rele(p);
	if (error != 0) {
		rump_unschedule();
		return -error;
	}
	lwproc_switch_to(l);
	return 0;
}

void
rump_lwproc_switch(struct lwp *l)
{
	struct lwp *cur = curlwp();

	if (l == cur)
		return;
	KASSERT(l == NULL || !(l->l_flags & LW_BOUND));
	if (cur == NULL) {
		lwp_bind(l);
		return;
	}
	rump_schedule();
	lwproc_switch_to(l);
}

void
rump_lwproc_releaselwp(void)
{
	struct lwp *cur = curlwp();

	if (cur == NULL || (cur->l_flags & LW_IMPLICIT))
		return;
	rump_schedule();
	lwp_exit();
}

struct lwp *
rump_lwproc_curlwp(void)
{
	struct lwp *l = curlwp();

	return l == NULL || (l->l_flags & LW_IMPLICIT) ? NULL : l;
}

int
rump_lwproc_getpid(struct lwp *l)
{
	return l->l_proc->p_pid;
}

void
rump_lwproc_haltonexit(void)
{
	struct lwp *l = curlwp();

	if (l == NULL || (l->l_flags & LW_IMPLICIT))
		return;
	rump_schedule();
	mutex_enter(&curproc->p_lock);
	curproc->p_flags |= PK_HALTONEXIT;
	mutex_exit(&curproc->p_lock);
	rump_unschedule();
}
