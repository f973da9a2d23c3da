/*
 * sys_sched.c -- scheduling parameters and priorities.  Virtual CPUs
 * are shared by host threads the host schedules, so policies and nice
 * values are recorded and reported but change nothing: every thread is
 * SCHED_OTHER with static priority 0.
 */
#include "sys_int.h"
#include <abi/resource.h>
#include <abi/sched.h>

/* The process pid (0: the caller), referenced; NULL if none. */
static struct proc *
sched_proc(pid_t pid)
{
	struct proc *p;

	if (pid != 0)
		return proc_find(pid);
	p = curproc;
	mutex_enter(&p->p_lock);
	p->p_refcnt++;
	mutex_exit(&p->p_lock);
	return p;
}

static int
sched_target(pid_t pid)
{
	struct proc *p;

	if (pid < 0)
		return -EINVAL;
	p = sched_proc(pid);
	if (p == NULL)
		return -ESRCH;
	proc_rele(p);
	return 0;
}

long
sys_sched_getscheduler(pid_t pid)
{
	int error = sched_target(pid);

	return error != 0 ? error : SCHED_OTHER;
}

long
sys_sched_getparam(pid_t pid, struct sched_param *param)
{
	struct sched_param sp = { 0 };
	int error;

	if (param == NULL)
		return -EINVAL;
	error = sched_target(pid);
	if (error != 0)
		return error;
	return copyout(&sp, param, sizeof(sp));
}

static bool
policy_valid(int policy)
{
	switch (policy & ~SCHED_RESET_ON_FORK) {
	case SCHED_OTHER:
	case SCHED_BATCH:
	case SCHED_IDLE:
	case SCHED_FIFO:
	case SCHED_RR:
		return true;
	default:
		return false;
	}
}

long
sys_sched_get_priority_max(int policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 99;
	return policy_valid(policy) && policy >= 0 ? 0 : -EINVAL;
}

long
sys_sched_get_priority_min(int policy)
{
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return 1;
	return policy_valid(policy) && policy >= 0 ? 0 : -EINVAL;
}

/*
 * Only the policy everything already has may be set: real-time
 * scheduling cannot be provided (the host schedules the threads).
 */
long
sys_sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)
{
	struct sched_param sp;
	int error;

	if (param == NULL || policy < 0 || !policy_valid(policy))
		return -EINVAL;
	error = copyin(param, &sp, sizeof(sp));
	if (error != 0)
		return error;
	error = sched_target(pid);
	if (error != 0)
		return error;
	policy &= ~SCHED_RESET_ON_FORK;
	if (policy == SCHED_FIFO || policy == SCHED_RR)
		return sp.sched_priority < 1 || sp.sched_priority > 99
		    ? -EINVAL : -EPERM;
	return sp.sched_priority == 0 ? 0 : -EINVAL;
}

long
sys_sched_setparam(pid_t pid, const struct sched_param *param)
{
	struct sched_param sp;
	int error;

	if (param == NULL)
		return -EINVAL;
	error = copyin(param, &sp, sizeof(sp));
	if (error != 0)
		return error;
	error = sched_target(pid);
	if (error != 0)
		return error;
	return sp.sched_priority == 0 ? 0 : -EINVAL;
}

/* Linux's round-robin slice, reported for SCHED_RR threads: 100 ms. */
long
sys_sched_rr_get_interval(pid_t pid, struct timespec *tp)
{
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	int error = sched_target(pid);

	if (error != 0)
		return error;
	return copyout(&ts, tp, sizeof(ts));
}

/* getpriority/setpriority over processes matching which/who. */
struct prio_scan {
	int which, who, nice, maxprio, found, denied;
	bool set;
	struct proc *self;
};

static bool
prio_match(struct proc *p, struct prio_scan *s)
{
	if (p->p_flags & (PK_SYSTEM | PK_EXITING))
		return false;
	switch (s->which) {
	case PRIO_PROCESS:
		return p->p_pid == (s->who ? s->who : s->self->p_pid);
	case PRIO_PGRP:
		return p->p_pgid == (s->who ? s->who : s->self->p_pgid);
	default: /* PRIO_USER */
		return p->p_cred.cr_uid ==
		    (uid_t)(s->who ? s->who : (int)s->self->p_cred.cr_uid);
	}
}

static int
prio_one(struct proc *p, void *arg)
{
	struct prio_scan *s = arg;
	struct cred me = s->self->p_cred;

	if (!prio_match(p, s) || p->p_sigacts == NULL)
		return 0;
	s->found++;
	mutex_enter(&p->p_lock);
	if (!s->set) {
		s->maxprio = MAX(s->maxprio, 20 - p->p_sigacts->sa_nice);
	} else if (me.cr_euid != 0 && me.cr_euid != p->p_cred.cr_uid &&
	    me.cr_euid != p->p_cred.cr_euid) {
		s->denied = -EPERM;
	} else if (s->nice < p->p_sigacts->sa_nice && me.cr_euid != 0) {
		s->denied = -EACCES;  /* raising priority needs privilege */
	} else {
		p->p_sigacts->sa_nice = s->nice;
	}
	mutex_exit(&p->p_lock);
	return 0;
}

long
sys_getpriority(int which, int who)
{
	struct prio_scan s = { .which = which, .who = who, .self = curproc };

	if (which < PRIO_PROCESS || which > PRIO_USER || who < 0)
		return which < PRIO_PROCESS || which > PRIO_USER ? -EINVAL
								 : -ESRCH;
	proc_foreach(prio_one, &s);
	/* 20 - nice, so the result is never negative (libc undoes it). */
	return s.found ? s.maxprio : -ESRCH;
}

long
sys_setpriority(int which, int who, int prio)
{
	struct prio_scan s = { .which = which, .who = who, .self = curproc,
		.set = true };

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	if (who < 0)
		return -ESRCH;
	s.nice = MIN(MAX(prio, PRIO_MIN), PRIO_MAX - 1);
	proc_foreach(prio_one, &s);
	if (!s.found)
		return -ESRCH;
	return s.denied;
}
