/*
 * sys_proc.c -- process identity and life: pids, process groups and
 * sessions, umask, set_tid_address, robust lists, exit and exit_group.
 *
 * Exit, hosted: the calling lwp ends as it leaves the kernel (as with
 * rump_lwproc_releaselwp); the host thread lives on and its next system
 * call runs in an implicit lwp of the default process.  exit_group
 * makes every lwp of the process end as it next leaves the kernel (those
 * blocked in the kernel are interrupted).  The default process (pid 1)
 * itself never exits: host threads keep entering it.  A process marked
 * to halt the kernel on exit (an image's program) halts it at once on
 * exit_group if it has other threads.
 */
#include "sys_int.h"
#include <abi/wait.h>

long
sys_getpid(void)
{
	return curproc->p_pid;
}

long
sys_gettid(void)
{
	return curlwp()->l_tid;
}

long
sys_getppid(void)
{
	struct proc *pp = curproc->p_pptr;

	return pp != NULL ? pp->p_pid : 0;
}

long
sys_umask(mode_t mask)
{
	struct proc *p = curproc;
	mode_t old;

	mutex_enter(&p->p_lock);
	old = p->p_umask;
	p->p_umask = mask & 0777;
	mutex_exit(&p->p_lock);
	return old;
}

/* The process pid (0: the caller) with a reference, or NULL. */
static struct proc *
proc_or_self(pid_t pid)
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

long
sys_getpgid(pid_t pid)
{
	struct proc *p;
	pid_t pgid;

	if (pid < 0)
		return -ESRCH;
	p = proc_or_self(pid);
	if (p == NULL)
		return -ESRCH;
	pgid = p->p_pgid;
	proc_rele(p);
	return pgid;
}

long
sys_getpgrp(void)
{
	return curproc->p_pgid;
}

long
sys_getsid(pid_t pid)
{
	struct proc *p;
	pid_t sid;

	if (pid < 0)
		return -ESRCH;
	p = proc_or_self(pid);
	if (p == NULL)
		return -ESRCH;
	sid = p->p_sid;
	proc_rele(p);
	return sid;
}

struct pgrp_query {
	pid_t pgid;
	pid_t sid;
	bool any;       /* a process of group pgid exists */
	bool same_sess; /* ... in session sid */
};

static int
pgrp_scan(struct proc *p, void *arg)
{
	struct pgrp_query *q = arg;

	if (p->p_pgid == q->pgid && !(p->p_flags & PK_SYSTEM)) {
		q->any = true;
		if (p->p_sid == q->sid)
			q->same_sess = true;
	}
	return 0;
}

long
sys_setsid(void)
{
	struct proc *p = curproc;
	struct pgrp_query q = { .pgid = p->p_pid };

	/* A process group leader, or any group with our pid, blocks it. */
	proc_foreach(pgrp_scan, &q);
	if (q.any)
		return -EPERM;
	mutex_enter(&p->p_lock);
	p->p_sid = p->p_pgid = p->p_pid;
	mutex_exit(&p->p_lock);
	return p->p_pid;
}

long
sys_setpgid(pid_t pid, pid_t pgid)
{
	struct proc *self = curproc, *p;
	struct pgrp_query q;
	long error = 0;

	if (pgid < 0)
		return -EINVAL;
	if (pid < 0)
		return -ESRCH;
	p = proc_or_self(pid);
	if (p == NULL)
		return -ESRCH;
	if (pgid == 0)
		pgid = p->p_pid;
	/* Only ourselves or a child of ours, in our session. */
	if (p != self && p->p_pptr != self) {
		error = -ESRCH;
		goto out;
	}
	if (p->p_sid != self->p_sid || p->p_sid == p->p_pid) {
		error = -EPERM;  /* other session, or a session leader */
		goto out;
	}
	if (pgid != p->p_pid) {
		q = (struct pgrp_query){ .pgid = pgid, .sid = self->p_sid };
		proc_foreach(pgrp_scan, &q);
		if (!q.same_sess) {
			error = -EPERM;
			goto out;
		}
	}
	mutex_enter(&p->p_lock);
	p->p_pgid = pgid;
	mutex_exit(&p->p_lock);
out:
	proc_rele(p);
	return error;
}

long
sys_set_tid_address(int *tidptr)
{
	struct lwp *l = curlwp();

	l->l_clear_child_tid = tidptr;
	return l->l_tid;
}

long
sys_set_robust_list(struct robust_list_head *head, size_t len)
{
	/* sizeof(struct robust_list_head) on x86_64 */
	if (len != 3 * sizeof(void *))
		return -EINVAL;
	curlwp()->l_robust_list = head;
	return 0;
}

long
sys_get_robust_list(int pid, struct robust_list_head **head_ptr,
    size_t *len_ptr)
{
	struct lwp *l = curlwp();
	void *head = NULL;
	size_t len = 3 * sizeof(void *);
	int error;

	if (pid == 0 || pid == l->l_tid) {
		head = l->l_robust_list;
	} else {
		struct proc *p = curproc;
		struct lwp *t;

		mutex_enter(&p->p_lock);
		t = lwp_find(p, pid);
		if (t != NULL)
			head = t->l_robust_list;
		mutex_exit(&p->p_lock);
		if (t == NULL)
			return -ESRCH;
	}
	error = copyout(&head, head_ptr, sizeof(head));
	if (error == 0)
		error = copyout(&len, len_ptr, sizeof(len));
	return error;
}

/* Mark every lwp of p to end as it leaves the kernel; xstat is its
 * wait status (the first one set wins).  Caller holds p_lock. */
void
proc_kill_locked(struct proc *p, int xstat)
{
	if (p->p_flags & PK_SYSTEM)
		return;
	if (p->p_sigacts != NULL && !p->p_sigacts->sa_dying) {
		p->p_sigacts->sa_dying = 1;
		p->p_xstat = xstat;
	}
	for (struct lwp *l = p->p_lwps; l != NULL; l = l->l_next) {
		__atomic_or_fetch(&l->l_flags, LW_WEXIT, __ATOMIC_SEQ_CST);
		lwp_wakeup_intr(l);
	}
}

long
sys_exit(int status)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;

	mutex_enter(&p->p_lock);
	if (p->p_nlwps == 1)
		p->p_xstat = W_EXITCODE(status & 0xff, 0);
	__atomic_or_fetch(&l->l_flags, LW_WEXIT, __ATOMIC_SEQ_CST);
	mutex_exit(&p->p_lock);
	return 0;
}

long
sys_exit_group(int status)
{
	struct proc *p = curproc;
	bool halt_now;

	mutex_enter(&p->p_lock);
	proc_kill_locked(p, W_EXITCODE(status & 0xff, 0));
	/*
	 * An image's program with other threads: they end only as they
	 * next enter or leave the kernel, and one that never does would
	 * keep the image up.  Its exit is the image's: halt now.
	 */
	halt_now = (p->p_flags & PK_HALTONEXIT) && p->p_nlwps > 1;
	mutex_exit(&p->p_lock);
	if (halt_now)
		kern_halt(status & 0xff);
	return 0;
}
