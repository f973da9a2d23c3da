/*
 * proc_wait.c -- wait4 and waitid: the exit status of a child process
 * outlives it here, as a zombie record, because the kernel core frees a
 * process as soon as its last lwp is gone.  The parent is told with
 * SIGCHLD.  Children of an exiting process go to the default process,
 * which (hosted) keeps the zombies of the host program's children.
 * Stopped and continued children do not exist (no job control).
 */
#include "sys_int.h"
#include <abi/resource.h>
#include <abi/wait.h>

struct zombie {
	pid_t z_pid, z_ppid, z_pgid;
	uid_t z_uid;
	int z_xstat;            /* wait status */
	struct zombie *z_next;
};

/*
 * Zombies nobody reaps would pile up in a long-lived host (a server
 * making a process per client): past this many the oldest are dropped.
 */
#define ZOMBIE_MAX 4096

static kmutex_t zomb_lock;
static kcondvar_t zomb_cv;      /* a zombie was added */
static struct zombie *zombies;  /* newest first */
static int nzombies;

struct reparent {
	struct proc *dying, *heir;
};

static int
reparent_one(struct proc *p, void *arg)
{
	struct reparent *r = arg;

	if (p->p_pptr == r->dying) {
		mutex_enter(&p->p_lock);
		p->p_pptr = r->heir;
		mutex_exit(&p->p_lock);
	}
	return 0;
}

/* Drop the oldest zombie (zomb_lock held). */
static void
zombie_drop_oldest(void)
{
	struct zombie **pp = &zombies;

	while ((*pp)->z_next != NULL)
		pp = &(*pp)->z_next;
	kmem_free(*pp, sizeof(**pp));
	*pp = NULL;
	nzombies--;
}

/* Does the parent let its children be reaped automatically? */
static bool
parent_autoreaps(struct proc *pp)
{
	struct sigaction *sa;
	bool r = false;

	mutex_enter(&pp->p_lock);
	if (pp->p_sigacts != NULL) {
		sa = &pp->p_sigacts->sa_act[SIGCHLD - 1];
		r = sa->sa_handler == SIG_IGN || (sa->sa_flags & SA_NOCLDWAIT);
	}
	mutex_exit(&pp->p_lock);
	return r;
}

static void
wait_procexit(struct proc *p)
{
	struct reparent r = { p, proc_default() };
	struct zombie *z, **pp;
	struct proc *parent;
	siginfo_t si;
	pid_t ppid;

	if (p->p_flags & PK_SYSTEM || p == proc_default())
		return;
	/* Our children outlive us as the default process's. */
	proc_foreach(reparent_one, &r);
	mutex_enter(&zomb_lock);
	for (pp = &zombies; *pp != NULL;) {
		if ((*pp)->z_ppid == p->p_pid) {
			z = *pp;
			*pp = z->z_next;
			kmem_free(z, sizeof(*z));
			nzombies--;
		} else {
			pp = &(*pp)->z_next;
		}
	}
	mutex_exit(&zomb_lock);

	mutex_enter(&p->p_lock);
	ppid = p->p_pptr != NULL ? p->p_pptr->p_pid : 0;
	mutex_exit(&p->p_lock);
	parent = ppid > 0 ? proc_find(ppid) : NULL;
	if (parent == NULL)
		return;
	if (!parent_autoreaps(parent)) {
		z = kmem_zalloc(sizeof(*z), KM_SLEEP);
		if (z != NULL) {  /* no memory: the status is lost */
			z->z_pid = p->p_pid;
			z->z_ppid = ppid;
			z->z_pgid = p->p_pgid;
			z->z_uid = p->p_cred.cr_uid;
			z->z_xstat = p->p_xstat;
			mutex_enter(&zomb_lock);
			if (nzombies >= ZOMBIE_MAX)
				zombie_drop_oldest();
			z->z_next = zombies;
			zombies = z;
			nzombies++;
			cv_broadcast(&zomb_cv);
			mutex_exit(&zomb_lock);
		}
	}
	/* As Linux: who ended and how, for a SA_SIGINFO handler. */
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGCHLD;
	si.si_pid = p->p_pid;
	si.si_uid = p->p_cred.cr_uid;
	if ((p->p_xstat & 0x7f) != 0) {
		si.si_code = CLD_KILLED;
		si.si_status = p->p_xstat & 0x7f;
	} else {
		si.si_code = CLD_EXITED;
		si.si_status = (p->p_xstat >> 8) & 0xff;
	}
	(void)sig_post_info(parent, 0, &si);
	proc_rele(parent);
}

static struct proc_hooks wait_hooks = {
	.ph_name = "wait",
	.ph_exit = wait_procexit,
};

void
wait_init(void)
{
	mutex_init(&zomb_lock, MUTEX_DEFAULT);
	cv_init(&zomb_cv);
	proc_hooks_register(&wait_hooks);
}

/* Which children a wait is for: P_ALL, P_PID or P_PGID with id. */
struct waitspec {
	int idtype;
	pid_t id;
	struct proc *self;
	bool any;               /* a live child matches */
};

static bool
spec_match(const struct waitspec *w, pid_t pid, pid_t pgid)
{
	switch (w->idtype) {
	case P_PID:
		return pid == w->id;
	case P_PGID:
		return pgid == w->id;
	default:
		return true;
	}
}

static int
live_child(struct proc *p, void *arg)
{
	struct waitspec *w = arg;

	if (p->p_pptr == w->self && spec_match(w, p->p_pid, p->p_pgid))
		w->any = true;
	return w->any;
}

/*
 * Wait for a zombie child matching w: 0 and *zp (a copy; removed unless
 * nowait), -ECHILD if no child could ever match, -EAGAIN for WNOHANG
 * without one yet.
 */
static int
wait_common(struct waitspec *w, bool nohang, bool nowait, struct zombie *zp)
{
	struct zombie **pp;
	int error;

	mutex_enter(&zomb_lock);
	for (;;) {
		for (pp = &zombies; *pp != NULL; pp = &(*pp)->z_next) {
			struct zombie *z = *pp;

			if (z->z_ppid != w->self->p_pid ||
			    !spec_match(w, z->z_pid, z->z_pgid))
				continue;
			*zp = *z;
			if (!nowait) {
				*pp = z->z_next;
				kmem_free(z, sizeof(*z));
				nzombies--;
			}
			mutex_exit(&zomb_lock);
			return 0;
		}
		w->any = false;
		proc_foreach(live_child, w);
		if (!w->any) {
			error = -ECHILD;
			break;
		}
		if (nohang) {
			error = -EAGAIN;
			break;
		}
		error = cv_wait_sig(&zomb_cv, &zomb_lock);
		if (error != 0) {
			error = -ERESTARTSYS;  /* SA_RESTART resumes it */
			break;
		}
	}
	mutex_exit(&zomb_lock);
	return error;
}

/*
 * A wait for events that never come (stopped or continued children):
 * -ECHILD without children, -EAGAIN with WNOHANG, else until a signal.
 */
static int
wait_never(struct waitspec *w, bool nohang)
{
	int error;

	w->any = false;
	proc_foreach(live_child, w);
	if (!w->any)
		return -ECHILD;
	if (nohang)
		return -EAGAIN;
	mutex_enter(&zomb_lock);
	do
		error = cv_wait_sig(&zomb_cv, &zomb_lock);
	while (error == 0);
	mutex_exit(&zomb_lock);
	return -ERESTARTSYS;
}

#define WAIT4_OPTIONS (WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | \
	__WALL | __WCLONE)

long
sys_wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage)
{
	struct waitspec w = { .self = curproc };
	struct zombie z;
	struct rusage ru;
	int error;

	if (options & ~WAIT4_OPTIONS)
		return -EINVAL;
	if (pid == -INT32_MAX - 1)
		return -ESRCH;  /* -pid would overflow */
	if (pid > 0) {
		w.idtype = P_PID;
		w.id = pid;
	} else if (pid == 0) {
		w.idtype = P_PGID;
		w.id = curproc->p_pgid;
	} else if (pid < -1) {
		w.idtype = P_PGID;
		w.id = -pid;
	} else {
		w.idtype = P_ALL;
	}
	error = wait_common(&w, (options & WNOHANG) != 0, false, &z);
	if (error == -EAGAIN)
		return 0;
	if (error != 0)
		return error;
	if (wstatus != NULL) {
		error = copyout(&z.z_xstat, wstatus, sizeof(z.z_xstat));
		if (error != 0)
			return error;
	}
	if (rusage != NULL) {
		memset(&ru, 0, sizeof(ru));  /* children's usage: not kept */
		error = copyout(&ru, rusage, sizeof(ru));
		if (error != 0)
			return error;
	}
	return z.z_pid;
}

long
sys_waitid(int idtype, pid_t id, siginfo_t *infop, int options,
    struct rusage *rusage)
{
	struct waitspec w = { .self = curproc, .idtype = idtype, .id = id };
	struct zombie z;
	struct rusage ru;
	siginfo_t si;
	int error;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
	    __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	if (idtype != P_ALL && idtype != P_PID && idtype != P_PGID)
		return -EINVAL;  /* P_PIDFD: no pidfds here */
	if (idtype != P_ALL && id <= 0 && !(idtype == P_PGID && id == 0))
		return -EINVAL;
	if (idtype == P_PGID && id == 0)
		w.id = curproc->p_pgid;
	memset(&si, 0, sizeof(si));
	if (!(options & WEXITED)) {
		/* Only stop/continue events, which never happen here. */
		error = wait_never(&w, (options & WNOHANG) != 0);
	} else {
		error = wait_common(&w, (options & WNOHANG) != 0,
		    (options & WNOWAIT) != 0, &z);
	}
	if (error != 0 && error != -EAGAIN)
		return error;
	if (error == 0) {
		si.si_signo = SIGCHLD;
		si.si_pid = z.z_pid;
		si.si_uid = z.z_uid;
		if ((z.z_xstat & 0x7f) != 0) {
			si.si_code = CLD_KILLED;
			si.si_status = z.z_xstat & 0x7f;
		} else {
			si.si_code = CLD_EXITED;
			si.si_status = (z.z_xstat >> 8) & 0xff;
		}
	}
	/* WNOHANG with nothing yet: 0 and a zeroed siginfo (si_pid 0). */
	if (infop != NULL) {
		error = copyout(&si, infop, sizeof(si));
		if (error != 0)
			return error;
	}
	if (rusage != NULL) {
		memset(&ru, 0, sizeof(ru));
		return copyout(&ru, rusage, sizeof(ru));
	}
	return 0;
}
