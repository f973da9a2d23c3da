/*
 * sig.c -- signals, kept simple: actions per process, a mask and a
 * pending set per lwp, all under p_lock.  A signal is acted on when its
 * lwp leaves the kernel (rump_syscall) or in sigsuspend/sigtimedwait:
 * handlers are called directly on the caller's stack, as the caller
 * shares the kernel's address space.  A default action that terminates
 * ends the process (exit_group semantics, wait status = the signal);
 * stopping is not supported and such signals are discarded.
 * Each pending instance keeps its siginfo (sigqueue.c): standard
 * signals coalesce, real-time ones queue.
 */
#include "sys_int.h"
#include <abi/wait.h>

enum sigdfl { DFL_TERM, DFL_IGN, DFL_STOP };

/* The default action of each signal; real-time ones terminate. */
static const uint8_t sig_default[SIGNAL_MAX + 1] = {
	[SIGCHLD] = DFL_IGN, [SIGCONT] = DFL_IGN, [SIGURG] = DFL_IGN,
	[SIGWINCH] = DFL_IGN, [SIGSTOP] = DFL_STOP, [SIGTSTP] = DFL_STOP,
	[SIGTTIN] = DFL_STOP, [SIGTTOU] = DFL_STOP,
};

#define SIG_CANTMASK (SIGMASK(SIGKILL) | SIGMASK(SIGSTOP))

/* Notified whenever a signal becomes pending anywhere (signalfd.c). */
struct selinfo sig_sel;

static bool
sig_valid(int sig)
{
	return sig >= 1 && sig <= SIGNAL_MAX;
}

/* Would sig be thrown away on arrival under p's actions?  p_lock held. */
static bool
sig_discarded(struct proc *p, int sig)
{
	sighandler_t h = p->p_sigacts->sa_act[sig - 1].sa_handler;

	if (sig == SIGKILL)
		return false;
	if (h == SIG_IGN)
		return true;
	return h == SIG_DFL && sig_default[sig] != DFL_TERM;
}

/*
 * The lwp to take a process-directed signal (p_lock held).  There is no
 * process-wide pending set, so prefer lwps bound to a host thread (an
 * unbound one may never run again -- the default process keeps such an
 * lwp): one that does not block sig, else the caller or another bound
 * one, else any that does not block it, else the first.
 */
static struct lwp *
sig_pick(struct proc *p, int sig)
{
	struct lwp *best = NULL, *t;
	int rank = 0, r;

	for (t = p->p_lwps; t != NULL; t = t->l_next) {
		bool bound = (t->l_flags & LW_BOUND) != 0;
		bool open = !(t->l_sigmask & SIGMASK(sig));

		r = bound && open ? 4 : t == curlwp() ? 3 : bound ? 2
		    : open ? 1 : 0;
		if (best == NULL || r > rank) {
			best = t;
			rank = r;
		}
	}
	return best;
}

int
sig_post(struct proc *p, pid_t tid, int sig)
{
	siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = SI_KERNEL;
	return sig_post_info(p, tid, &info);
}

int
sig_post_info(struct proc *p, pid_t tid, const siginfo_t *info)
{
	int sig = info->si_signo;
	struct lwp *l = NULL;
	struct sigq *spare;
	bool blocked, posted = false;
	int error = 0;

	KASSERT(sig_valid(sig));
	/* Allocated before p_lock: the record of a new pending instance. */
	spare = kmem_alloc(sizeof(*spare), KM_SLEEP);
	mutex_enter(&p->p_lock);
	if (p->p_sigacts == NULL || (p->p_flags & PK_SYSTEM)) {
		error = -EPERM;
		goto out;
	}
	if (tid > 0) {
		l = lwp_find(p, tid);
		if (l == NULL) {
			error = -ESRCH;
			goto out;
		}
	}
	if (l == NULL)
		l = sig_pick(p, sig);
	if (l == NULL)
		goto out;
	/* Blocked, or awaited by sigtimedwait after being blocked. */
	blocked = ((l->l_sigmask | l->l_sigwaited) & SIGMASK(sig)) != 0;
	/* As Linux: a blocked signal is kept even if its action ignores
	 * it, since the action may change before it is unblocked. */
	if (!blocked && sig_discarded(p, sig))
		goto out;
	if (sig == SIGKILL || (!blocked &&
	    p->p_sigacts->sa_act[sig - 1].sa_handler == SIG_DFL &&
	    sig_default[sig] == DFL_TERM)) {
		/* Fatal: no need to wait for delivery. */
		proc_kill_locked(p, W_EXITCODE(0, sig));
		goto out;
	}
	error = sigq_post(p, l, info, &spare);
	if (error != 0) {
		if (error > 0)
			error = 0;      /* coalesced */
		goto out;
	}
	lwp_wakeup_intr(l);
	posted = true;
out:
	mutex_exit(&p->p_lock);
	if (spare != NULL)
		kmem_free(spare, sizeof(*spare));
	/* signalfd readers; not under p_lock (pollwait sleepers take it). */
	if (posted)
		selnotify(&sig_sel, POLLIN | POLLRDNORM);
	return error;
}

int
sig_deliver(struct lwp *l, bool may_exit)
{
	struct proc *p = l->l_proc;
	struct sigaction act;
	sigset_t oldmask;
	siginfo_t info;
	int sig, ret = 0;

	rump_schedule();
	mutex_enter(&p->p_lock);
	for (;;) {
		if (l->l_flags & LW_WEXIT) {
			mutex_exit(&p->p_lock);
			if (may_exit) {
				lwp_exit();
				return ret | SIGD_EXITED;
			}
			rump_unschedule();
			return ret | SIGD_NORESTART;
		}
		if (p->p_sigacts == NULL)
			break;
		sig = sigq_take(p, l, ~l->l_sigmask, &info);
		if (sig == 0)
			break;
		act = p->p_sigacts->sa_act[sig - 1];
		if (act.sa_handler == SIG_IGN)
			continue;
		if (act.sa_handler == SIG_DFL) {
			if (sig_default[sig] == DFL_TERM)
				proc_kill_locked(p, W_EXITCODE(0, sig));
			continue;
		}
		if (!(act.sa_flags & SA_RESTART))
			ret |= SIGD_NORESTART;
		oldmask = l->l_sigmask;
		l->l_sigmask |= act.sa_mask & ~SIG_CANTMASK;
		if (!(act.sa_flags & SA_NODEFER))
			l->l_sigmask |= SIGMASK(sig);
		if (act.sa_flags & SA_RESETHAND) {
			p->p_sigacts->sa_act[sig - 1].sa_handler = SIG_DFL;
			p->p_sigacts->sa_act[sig - 1].sa_flags &= ~SA_SIGINFO;
		}
		mutex_exit(&p->p_lock);
		rump_unschedule();

		if (act.sa_flags & SA_SIGINFO) {
			/* Through void (*)(void): the one cast C allows
			 * between function types without a warning. */
			((void (*)(int, siginfo_t *, void *))(void (*)(void))
			    act.sa_handler)(sig, &info, NULL);
		} else {
			act.sa_handler(sig);
		}

		rump_schedule();
		mutex_enter(&p->p_lock);
		l->l_sigmask = oldmask;
	}
	mutex_exit(&p->p_lock);
	rump_unschedule();
	return ret;
}

/* Clear sig from every lwp's pending set (p_lock held). */
static void
sig_unpend(struct proc *p, int sig)
{
	for (struct lwp *l = p->p_lwps; l != NULL; l = l->l_next)
		__atomic_and_fetch(&l->l_sigpend, ~SIGMASK(sig),
		    __ATOMIC_SEQ_CST);
	sigq_drop(p, sig, 0);
}

long
sys_rt_sigaction(int sig, const struct sigaction *act, struct sigaction *oact,
    size_t sigsetsize)
{
	struct proc *p = curproc;
	struct sigaction nact, old;
	int error;

	if (sigsetsize != sizeof(sigset_t) || !sig_valid(sig))
		return -EINVAL;
	if (act != NULL) {
		if (sig == SIGKILL || sig == SIGSTOP)
			return -EINVAL;
		error = copyin(act, &nact, sizeof(nact));
		if (error != 0)
			return error;
		nact.sa_mask &= ~SIG_CANTMASK;
	}
	mutex_enter(&p->p_lock);
	old = p->p_sigacts->sa_act[sig - 1];
	if (act != NULL) {
		p->p_sigacts->sa_act[sig - 1] = nact;
		/* POSIX: setting an ignoring action discards pending ones. */
		if (sig_discarded(p, sig))
			sig_unpend(p, sig);
	}
	mutex_exit(&p->p_lock);
	if (oact != NULL)
		return copyout(&old, oact, sizeof(old));
	return 0;
}

long
sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset,
    size_t sigsetsize)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	sigset_t nset = 0, old;
	int error;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (set != NULL) {
		if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK)
			return -EINVAL;
		error = copyin(set, &nset, sizeof(nset));
		if (error != 0)
			return error;
		nset &= ~SIG_CANTMASK;
	}
	mutex_enter(&p->p_lock);
	old = l->l_sigmask;
	if (set != NULL) {
		if (how == SIG_BLOCK)
			l->l_sigmask |= nset;
		else if (how == SIG_UNBLOCK)
			l->l_sigmask &= ~nset;
		else
			l->l_sigmask = nset;
	}
	mutex_exit(&p->p_lock);
	if (oset != NULL)
		return copyout(&old, oset, sizeof(old));
	return 0;
}

long
sys_rt_sigpending(sigset_t *set, size_t sigsetsize)
{
	struct lwp *l = curlwp();
	sigset_t pend;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	mutex_enter(&l->l_proc->p_lock);
	pend = l->l_sigpend & l->l_sigmask;
	mutex_exit(&l->l_proc->p_lock);
	return copyout(&pend, set, sigsetsize);
}

/* Wait, interruptibly, until a signal arrives or the deadline passes. */
static int
sig_wait(int64_t deadline)
{
	kmutex_t m;
	kcondvar_t cv;
	int error = 0;

	mutex_init(&m, MUTEX_DEFAULT);
	cv_init(&cv);
	mutex_enter(&m);
	for (;;) {
		int64_t left = -1;

		if (deadline >= 0) {
			left = deadline - nanouptime_ns();
			if (left <= 0) {
				error = -EAGAIN;
				break;
			}
		}
		error = cv_timedwait_sig(&cv, &m, left);
		if (error == -EINTR)
			break;
	}
	mutex_exit(&m);
	cv_destroy(&cv);
	mutex_destroy(&m);
	return error;
}

long
sys_rt_sigsuspend(const sigset_t *mask, size_t sigsetsize)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	sigset_t nset, old;
	int error;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	error = copyin(mask, &nset, sizeof(nset));
	if (error != 0)
		return error;
	mutex_enter(&p->p_lock);
	old = l->l_sigmask;
	l->l_sigmask = nset & ~SIG_CANTMASK;
	mutex_exit(&p->p_lock);
	(void)sig_wait(-1);
	/* Handlers run under the temporary mask, then the old one returns. */
	rump_unschedule();
	(void)sig_deliver(l, false);
	rump_schedule();
	mutex_enter(&p->p_lock);
	l->l_sigmask = old;
	mutex_exit(&p->p_lock);
	return -EINTR;
}

long
sys_rt_sigtimedwait(const sigset_t *set, siginfo_t *info,
    const struct timespec *timeout, size_t sigsetsize)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	int64_t deadline = -1, ns;
	sigset_t want, old;
	siginfo_t si;
	int error, sig = 0;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	error = copyin(set, &want, sizeof(want));
	if (error != 0)
		return error;
	want &= ~SIG_CANTMASK;
	if (timeout != NULL) {
		error = ts_import(timeout, &ns);
		if (error != 0)
			return error;
		deadline = deadline_from(ns);
	}
	/*
	 * The awaited signals are unblocked while waiting, so they wake us;
	 * those that were blocked stay protected from their default action
	 * (l_sigwaited), as Linux's real_blocked does.
	 */
	mutex_enter(&p->p_lock);
	old = l->l_sigmask;
	l->l_sigwaited = old & want;
	l->l_sigmask &= ~want;
	mutex_exit(&p->p_lock);
	for (;;) {
		mutex_enter(&p->p_lock);
		sig = sigq_take(p, l, want, &si);
		mutex_exit(&p->p_lock);
		if (sig != 0)
			break;
		error = sig_wait(deadline);
		if (error == -EAGAIN)
			break;
		mutex_enter(&p->p_lock);
		/* Woken by an awaited signal: take it; else another signal
		 * (its handler runs as we return) or exiting. */
		error = (l->l_sigpend & want) != 0 ? 0 : -EINTR;
		mutex_exit(&p->p_lock);
		if (error != 0)
			break;
	}
	mutex_enter(&p->p_lock);
	l->l_sigmask = old;
	l->l_sigwaited = 0;
	mutex_exit(&p->p_lock);
	if (sig == 0)
		return error;
	if (info != NULL) {
		error = copyout(&si, info, sizeof(si));
		if (error != 0)
			return error;
	}
	return sig;
}

/* May the caller signal p?  Linux: root, or a real/effective uid match. */
static bool
sig_may(struct proc *p)
{
	struct cred c = curproc->p_cred, t;

	if (c.cr_euid == 0 || p == curproc)
		return true;
	mutex_enter(&p->p_lock);
	t = p->p_cred;
	mutex_exit(&p->p_lock);
	return c.cr_euid == t.cr_uid || c.cr_euid == t.cr_suid ||
	    c.cr_uid == t.cr_uid || c.cr_uid == t.cr_suid;
}

struct killall {
	int sig;
	siginfo_t info;    /* what the signalled processes receive */
	pid_t pgid;        /* > 0: only this group; 0: all but 1 and us */
	struct proc *self;
	int found, sent;
};

static int
kill_one(struct proc *p, void *arg)
{
	struct killall *k = arg;

	if (p->p_flags & (PK_SYSTEM | PK_EXITING))
		return 0;
	if (k->pgid > 0 ? p->p_pgid != k->pgid
			: (p->p_pid <= 1 || p == k->self))
		return 0;
	k->found++;
	if (!sig_may(p))
		return 0;
	k->sent++;
	if (k->sig != 0)
		(void)sig_post_info(p, 0, &k->info);
	return 0;
}

/* kill(2) with the siginfo in k (rt_sigqueueinfo too). */
static long
kill_info(pid_t pid, struct killall *k)
{
	struct proc *p;
	int error = 0;

	if (pid > 0) {
		p = proc_find(pid);
		if (p == NULL)
			return -ESRCH;
		if (p->p_flags & PK_SYSTEM)
			error = -EPERM;
		else if (!sig_may(p))
			error = -EPERM;
		else if (k->sig != 0)
			error = sig_post_info(p, 0, &k->info);
		proc_rele(p);
		return error;
	}
	/* No group is -INT_MIN; negating it would overflow into "all". */
	if (pid == -INT_MAX - 1)
		return -ESRCH;
	if (pid == -1)
		k->pgid = 0;
	else if (pid == 0)
		k->pgid = curproc->p_pgid;
	else
		k->pgid = -pid;
	proc_foreach(kill_one, k);
	if (k->found == 0)
		return -ESRCH;
	return k->sent == 0 ? -EPERM : 0;
}

long
sys_kill(pid_t pid, int sig)
{
	struct killall k = { .sig = sig, .self = curproc };

	if (sig < 0 || sig > SIGNAL_MAX)
		return -EINVAL;
	sigq_info_user(&k.info, sig, SI_USER);
	return kill_info(pid, &k);
}

struct tidfind {
	pid_t tid;
	struct proc *p;    /* referenced */
};

static int
tid_scan(struct proc *p, void *arg)
{
	struct tidfind *t = arg;
	bool hit;

	mutex_enter(&p->p_lock);
	hit = lwp_find(p, t->tid) != NULL && !(p->p_flags & PK_EXITING);
	if (hit)
		p->p_refcnt++;
	mutex_exit(&p->p_lock);
	if (hit)
		t->p = p;
	return hit;
}

/* tgkill / tkill (tgid 0) with the siginfo info. */
static long
kill_thread(pid_t tgid, pid_t tid, const siginfo_t *info)
{
	struct tidfind t = { .tid = tid };
	int sig = info->si_signo;
	long error = 0;

	if (tid <= 0 || sig < 0 || sig > SIGNAL_MAX)
		return -EINVAL;
	proc_foreach(tid_scan, &t);
	if (t.p == NULL)
		return -ESRCH;
	if (tgid > 0 && t.p->p_pid != tgid)
		error = -ESRCH;
	else if ((t.p->p_flags & PK_SYSTEM) || !sig_may(t.p))
		error = -EPERM;
	else if (sig != 0)
		error = sig_post_info(t.p, tid, info);
	proc_rele(t.p);
	return error;
}

long
sys_tkill(pid_t tid, int sig)
{
	siginfo_t info;

	if (sig < 0 || sig > SIGNAL_MAX)
		return -EINVAL;
	sigq_info_user(&info, sig, SI_TKILL);
	return kill_thread(0, tid, &info);
}

long
sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	siginfo_t info;

	if (tgid <= 0 || sig < 0 || sig > SIGNAL_MAX)
		return -EINVAL;
	sigq_info_user(&info, sig, SI_TKILL);
	return kill_thread(tgid, tid, &info);
}

/* Process hooks: actions are inherited; CLEARTID on lwp exit. */
int
sig_procinit(struct proc *parent, struct proc *child)
{
	struct sigacts *sa = kmem_zalloc(sizeof(*sa), KM_SLEEP);

	if (sa == NULL)
		return -ENOMEM;
	if (parent != NULL && parent->p_sigacts != NULL &&
	    !(parent->p_flags & PK_SYSTEM)) {
		mutex_enter(&parent->p_lock);
		memcpy(sa->sa_act, parent->p_sigacts->sa_act,
		    sizeof(sa->sa_act));
		mutex_exit(&parent->p_lock);
	}
	child->p_sigacts = sa;
	return 0;
}

static int
sig_fork(struct proc *parent, struct proc *child, int flags)
{
	(void)flags;
	child->p_sigacts = NULL;
	return sig_procinit(parent, child);
}

static void
sig_exit(struct proc *p)
{
	if (p->p_sigacts != NULL) {
		itimer_destroy(p);
		mutex_enter(&p->p_lock);
		sigq_drop(p, 0, 0);
		mutex_exit(&p->p_lock);
		kmem_free(p->p_sigacts, sizeof(*p->p_sigacts));
		p->p_sigacts = NULL;
	}
}

/*
 * An lwp leaves: its robust futexes are released, then the
 * CLONE_CHILD_CLEARTID / set_tid_address word is zeroed and woken.
 */
static void
sig_lwpexit(struct lwp *l)
{
	struct proc *p = l->l_proc;
	int32_t zero = 0;

	mutex_enter(&p->p_lock);
	sigq_drop(p, 0, l->l_tid);
	mutex_exit(&p->p_lock);
	futex_robust_exit(l);
	if (l->l_clear_child_tid == NULL)
		return;
	if (copyout(&zero, l->l_clear_child_tid, sizeof(zero)) == 0)
		(void)futex_wake_addr(l->l_clear_child_tid, 1);
	l->l_clear_child_tid = NULL;
}

static struct proc_hooks sig_hooks = {
	.ph_name = "signals",
	.ph_fork = sig_fork,
	.ph_exit = sig_exit,
	.ph_lwpexit = sig_lwpexit,
};

void
sig_init(void)
{
	selinfo_init(&sig_sel);
	proc_hooks_register(&sig_hooks);
}

int
sig_mask_swap(const sigset_t *uset, size_t sigsetsize, sigset_t *oldp)
{
	struct lwp *l = curlwp();
	sigset_t nset;
	int error;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	error = copyin(uset, &nset, sizeof(nset));
	if (error != 0)
		return error;
	mutex_enter(&l->l_proc->p_lock);
	*oldp = l->l_sigmask;
	l->l_sigmask = nset & ~SIG_CANTMASK;
	mutex_exit(&l->l_proc->p_lock);
	return 0;
}

void
sig_mask_restore(sigset_t old)
{
	struct lwp *l = curlwp();

	mutex_enter(&l->l_proc->p_lock);
	l->l_sigmask = old;
	mutex_exit(&l->l_proc->p_lock);
}

long
sys_pause(void)
{
	(void)sig_wait(-1);
	return -EINTR;
}

/*
 * sig_write_error: a write failed for a reason that raises sig (SIGPIPE:
 * a pipe or socket without readers; SIGXFSZ: past RLIMIT_FSIZE).  The
 * signal goes to a handler if the process installed one, and a blocked
 * one is left pending, to be waited for or read from a signalfd.  The
 * default action, ending the process, is taken only for an image's
 * program (PK_HALTONEXIT), which then ends as on Linux; hosted, the host
 * program would lose its thread for a write error, so the signal is only
 * counted.  The caller returns EPIPE or EFBIG either way.
 */
void
sig_write_error(int sig)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	sighandler_t h;
	bool deliver;

	mutex_enter(&p->p_lock);
	if (p->p_sigacts == NULL) {
		mutex_exit(&p->p_lock);
		return;
	}
	h = p->p_sigacts->sa_act[sig - 1].sa_handler;
	deliver = (l->l_sigmask & SIGMASK(sig)) != 0 || (h != SIG_IGN &&
	    (h != SIG_DFL || (p->p_flags & PK_HALTONEXIT)));
	if (!deliver && sig == SIGPIPE)
		p->p_sigacts->sa_sigpipes++;
	mutex_exit(&p->p_lock);
	if (deliver)
		(void)sig_send_self(sig);
}

int
sig_send_self(int sig)
{
	struct lwp *l = curlwp();
	siginfo_t info;

	/* Linux's send_sig(): SI_USER from the process itself. */
	sigq_info_user(&info, sig, SI_USER);
	return sig_post_info(l->l_proc, l->l_tid, &info);
}

/*
 * sigaltstack: handlers run on the stack of the thread that leaves the
 * kernel, never on an alternate one, so a valid setting is checked and
 * accepted but not used, and the query always reports SS_DISABLE.
 */
long
sys_sigaltstack(const stack_t *ss, stack_t *old_ss)
{
	stack_t k, o = { NULL, SS_DISABLE, 0 };
	int error;

	if (ss != NULL) {
		error = copyin(ss, &k, sizeof(k));
		if (error != 0)
			return error;
		if ((k.ss_flags & ~(int32_t)SS_AUTODISARM) != 0 &&
		    (k.ss_flags & ~(int32_t)SS_AUTODISARM) != SS_DISABLE &&
		    (k.ss_flags & ~(int32_t)SS_AUTODISARM) != SS_ONSTACK)
			return -EINVAL;
		if (!(k.ss_flags & SS_DISABLE) && k.ss_size < MINSIGSTKSZ)
			return -ENOMEM;
	}
	if (old_ss != NULL)
		return copyout(&o, old_ss, sizeof(o));
	return 0;
}

/*
 * rt_sigqueueinfo / rt_tgsigqueueinfo: kill / tgkill with a caller-made
 * siginfo, queued as it is (si_signo becomes sig).  As Linux: only the
 * kernel may claim si_code >= 0 (or SI_TKILL) towards another process.
 */
static int
sigqueue_import(pid_t tgid, int sig, const siginfo_t *uinfo, siginfo_t *si)
{
	int error = copyin(uinfo, si, sizeof(*si));

	if (error != 0)
		return error;
	if ((si->si_code >= 0 || si->si_code == SI_TKILL) &&
	    tgid != curproc->p_pid)
		return -EPERM;
	si->si_signo = sig;
	return 0;
}

long
sys_rt_sigqueueinfo(pid_t tgid, int sig, siginfo_t *info)
{
	struct killall k = { .sig = sig, .self = curproc };
	int error;

	if (sig < 0 || sig > SIGNAL_MAX)
		return -EINVAL;
	error = sigqueue_import(tgid, sig, info, &k.info);
	if (error != 0)
		return error;
	if (tgid <= 0)
		return -ESRCH;  /* only a process, not a group */
	return kill_info(tgid, &k);
}

long
sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, siginfo_t *info)
{
	siginfo_t si;
	int error;

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > SIGNAL_MAX)
		return -EINVAL;
	error = sigqueue_import(tgid, sig, info, &si);
	if (error != 0)
		return error;
	return kill_thread(tgid, tid, &si);
}

void
sig_exec(struct proc *p)
{
	mutex_enter(&p->p_lock);
	for (int i = 0; p->p_sigacts != NULL && i < SIGNAL_MAX; i++) {
		struct sigaction *sa = &p->p_sigacts->sa_act[i];

		if (sa->sa_handler != SIG_IGN && sa->sa_handler != SIG_DFL)
			memset(sa, 0, sizeof(*sa));  /* SIG_DFL, no flags */
	}
	mutex_exit(&p->p_lock);
}
