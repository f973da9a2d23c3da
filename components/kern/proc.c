/*
 * proc.c -- processes: proc0 (the kernel's), the default process (pid 1)
 * that implicit lwps join, creation as a copy of a parent with the
 * components' proc hooks, lookup and exit.
 */
#include "kern_int.h"
#include <rumpuser.h>

struct proc proc0;
static struct lwp lwp0;
static struct proc *proc1;

struct proc_hooks *proc_hook_list;  /* in registration order */
static kmutex_t proc_list_lock;
static struct proc *proc_list;

static const struct rlimit rlimit_defaults[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK] = { 8 << 20, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NOFILE] = { 1024, 4096 },
	[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 },
	[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_SIGPENDING] = { 1024, 1024 },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },
};

void
proc_hooks_register(struct proc_hooks *ph)
{
	struct proc_hooks **pp = &proc_hook_list;

	while (*pp != NULL)
		pp = &(*pp)->ph_next;
	ph->ph_next = NULL;
	*pp = ph;
}

/* proc_init: set up proc0 and lwp0, which the booting thread runs as. */
void
proc_init(struct lwp *unused)
{
	(void)unused;
	proc0.p_pid = 0;
	proc0.p_flags = PK_SYSTEM;
	proc0.p_umask = 022;
	strlcpy(proc0.p_comm, "kernel", sizeof(proc0.p_comm));
	memcpy(proc0.p_rlimit, rlimit_defaults, sizeof(proc0.p_rlimit));
	mutex_init(&proc0.p_lock, MUTEX_DEFAULT);
	mutex_init(&proc_list_lock, MUTEX_DEFAULT);
	lwp0.l_proc = &proc0;
	lwp0.l_flags = LW_SYSTEM;
	strlcpy(lwp0.l_name, "lwp0", sizeof(lwp0.l_name));
	proc0.p_lwps = &lwp0;
	proc0.p_nlwps = 1;
	proc_list = &proc0;
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, &lwp0);
	lwp_bind(&lwp0);
}

/* proc_lwp0_release: the booting thread stops being lwp0. */
void
proc_lwp0_release(void)
{
	unsched_lwp(&lwp0);
	lwp_unbind(&lwp0);
}

static void
proc_unlink(struct proc *p)
{
	struct proc **pp;

	mutex_enter(&proc_list_lock);
	for (pp = &proc_list; *pp != p; pp = &(*pp)->p_next)
		KASSERT(*pp != NULL);
	*pp = p->p_next;
	mutex_exit(&proc_list_lock);
}

static void
proc_free(struct proc *p)
{
	mutex_destroy(&p->p_lock);
	kmem_free(p, sizeof(*p));
}

int
proc_create(struct proc *parent, int flags, struct lwp **lp)
{
	struct proc_hooks *ph, *done;
	struct proc *p;
	struct lwp *l;
	int error;

	p = kmem_zalloc(sizeof(*p), KM_SLEEP);
	if (p == NULL)
		return -ENOMEM;
	mutex_init(&p->p_lock, MUTEX_DEFAULT);
	l = lwp_alloc(p, 0);
	if (l == NULL) {
		error = -ENOMEM;
		goto out_free_proc;
	}
	p->p_pid = l->l_tid;  /* the first lwp's tid is the pid, as in Linux */
	p->p_pgid = p->p_sid = p->p_pid;
	p->p_pptr = parent;
	if (parent != NULL) {
		mutex_enter(&parent->p_lock);
		p->p_cred = parent->p_cred;
		memcpy(p->p_rlimit, parent->p_rlimit, sizeof(p->p_rlimit));
		p->p_umask = parent->p_umask;
		if (!(parent->p_flags & PK_SYSTEM)) {
			p->p_pgid = parent->p_pgid;
			p->p_sid = parent->p_sid;
		}
		memcpy(p->p_comm, parent->p_comm, sizeof(p->p_comm));
		mutex_exit(&parent->p_lock);
	} else {
		memcpy(p->p_rlimit, rlimit_defaults, sizeof(p->p_rlimit));
		p->p_umask = 022;
	}
	p->p_lwps = l;
	p->p_nlwps = 1;

	for (ph = proc_hook_list; ph != NULL; ph = ph->ph_next) {
		if (ph->ph_fork == NULL)
			continue;
		error = ph->ph_fork(parent, p, flags);
		if (error != 0)
			goto out_undo_hooks;
	}

	mutex_enter(&proc_list_lock);
	p->p_next = proc_list;
	proc_list = p;
	mutex_exit(&proc_list_lock);
	*lp = l;
	return 0;

out_undo_hooks:
	for (done = proc_hook_list; done != ph; done = done->ph_next)
		if (done->ph_fork != NULL && done->ph_exit != NULL)
			done->ph_exit(p);
	lwp_free(l);
out_free_proc:
	proc_free(p);
	return error;
}

int
proc_create_default(void)
{
	struct lwp *l;
	int error;

	error = proc_create(&proc0, PROC_RFCFDG, &l);
	if (error != 0)
		return error;
	proc1 = l->l_proc;
	proc1->p_pptr = NULL;
	strlcpy(proc1->p_comm, "init", sizeof(proc1->p_comm));
	/*
	 * Its first lwp is never bound: it keeps pid 1 alive while the
	 * implicit lwps of host threads come and go.
	 */
	return 0;
}

struct proc *
proc_default(void)
{
	return proc1;
}

/*
 * Exit status for the host from a wait(2) status: the exit code, or
 * 128+N for a signal N, as a shell reports it.
 */
static int
host_status(int xstat)
{
	return (xstat & 0x7f) != 0 ? 128 + (xstat & 0x7f) : (xstat >> 8) & 0xff;
}

/* The last lwp of p has gone: tear the process down. */
void
proc_lwp_gone(struct proc *p)
{
	for (struct proc_hooks *ph = proc_hook_list; ph; ph = ph->ph_next)
		if (ph->ph_exit != NULL)
			ph->ph_exit(p);
	if (p->p_flags & PK_HALTONEXIT)
		kern_halt(host_status(p->p_xstat));
	proc_unlink(p);
	mutex_enter(&p->p_lock);
	if (p->p_refcnt > 0) {
		/* The last proc_rele frees it. */
		mutex_exit(&p->p_lock);
		return;
	}
	mutex_exit(&p->p_lock);
	proc_free(p);
}

struct proc *
proc_find(pid_t pid)
{
	struct proc *p;

	mutex_enter(&proc_list_lock);
	for (p = proc_list; p != NULL; p = p->p_next) {
		if (p->p_pid == pid && !(p->p_flags & PK_EXITING)) {
			mutex_enter(&p->p_lock);
			p->p_refcnt++;
			mutex_exit(&p->p_lock);
			break;
		}
	}
	mutex_exit(&proc_list_lock);
	return p;
}

void
proc_rele(struct proc *p)
{
	bool dead;

	mutex_enter(&p->p_lock);
	KASSERT(p->p_refcnt > 0);
	dead = --p->p_refcnt == 0 && p->p_nlwps == 0;
	mutex_exit(&p->p_lock);
	if (dead)
		proc_free(p);
}

int
proc_foreach(int (*fn)(struct proc *, void *), void *arg)
{
	int r = 0;

	mutex_enter(&proc_list_lock);
	for (struct proc *p = proc_list; p != NULL && r == 0; p = p->p_next)
		r = fn(p, arg);
	mutex_exit(&proc_list_lock);
	return r;
}
