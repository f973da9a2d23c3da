/*
 * sigqueue.c -- the siginfo of pending signals: one record per pending
 * instance, kept in the process's sigacts beside the lwps' pending bits
 * (l_sigpend), so that whoever takes a signal (a handler, sigtimedwait,
 * a signalfd) learns who sent it and why.  As on Linux, a standard
 * signal (1..31) is pending at most once per lwp; a real-time one
 * queues every instance, up to RLIMIT_SIGPENDING records per process.
 * Everything here runs under p_lock.
 */
#include "sys_int.h"

/* Is sig a real-time signal (queues instead of coalescing)? */
static bool
sig_isrt(int sig)
{
	return sig >= SIGRTMIN;
}

int
sigq_post(struct proc *p, struct lwp *l, const siginfo_t *info,
    struct sigq **spare)
{
	struct sigacts *sa = p->p_sigacts;
	int sig = info->si_signo;
	struct sigq *q, **tail;

	if (!sig_isrt(sig)) {
		if (l->l_sigpend & SIGMASK(sig))
			return 1;       /* coalesced with the pending instance */
		/* A bit cleared behind our back leaves no stale record. */
		sigq_drop(p, sig, l->l_tid);
	}
	q = *spare;
	if (q == NULL ||
	    (uint64_t)sa->sa_nqueued >= p->p_rlimit[RLIMIT_SIGPENDING].rlim_cur) {
		/*
		 * Over the limit (or no memory): Linux refuses a queued
		 * real-time signal whose sender chose its siginfo, and
		 * otherwise still makes the signal pending, without its
		 * information (the taker then sees SI_USER from pid 0).
		 */
		if (sig_isrt(sig) && info->si_code != SI_USER &&
		    info->si_code != SI_KERNEL)
			return -EAGAIN;
		goto pend;
	}
	*spare = NULL;
	q->sq_tid = l->l_tid;
	q->sq_info = *info;
	q->sq_next = NULL;
	for (tail = &sa->sa_queue; *tail != NULL; tail = &(*tail)->sq_next)
		continue;
	*tail = q;
	sa->sa_nqueued++;
pend:
	__atomic_or_fetch(&l->l_sigpend, SIGMASK(sig), __ATOMIC_SEQ_CST);
	return 0;
}

int
sigq_take(struct proc *p, struct lwp *l, sigset_t mask, siginfo_t *info)
{
	struct sigacts *sa = p->p_sigacts;
	struct sigq **qp, *q, *found = NULL;
	bool more = false;
	sigset_t got;
	int sig;

	got = l->l_sigpend & mask;
	if (got == 0 || sa == NULL)
		return 0;
	sig = __builtin_ctzl(got) + 1;
	for (qp = &sa->sa_queue; (q = *qp) != NULL;) {
		if (q->sq_tid != l->l_tid || q->sq_info.si_signo != sig) {
			qp = &q->sq_next;
			continue;
		}
		if (found != NULL) {
			more = true;
			break;
		}
		found = q;
		*qp = q->sq_next;
		if (!sig_isrt(sig))
			break;  /* at most one instance pending */
	}
	if (!more)
		__atomic_and_fetch(&l->l_sigpend, ~SIGMASK(sig),
		    __ATOMIC_SEQ_CST);
	if (found != NULL) {
		*info = found->sq_info;
		sa->sa_nqueued--;
		kmem_free(found, sizeof(*found));
	} else {
		/* Pending without a record: the limit was hit. */
		memset(info, 0, sizeof(*info));
		info->si_signo = sig;
		info->si_code = SI_USER;
	}
	return sig;
}

void
sigq_drop(struct proc *p, int sig, pid_t tid)
{
	struct sigacts *sa = p->p_sigacts;
	struct sigq **qp, *q;

	if (sa == NULL)
		return;
	for (qp = &sa->sa_queue; (q = *qp) != NULL;) {
		if ((sig != 0 && q->sq_info.si_signo != sig) ||
		    (tid != 0 && q->sq_tid != tid)) {
			qp = &q->sq_next;
			continue;
		}
		*qp = q->sq_next;
		sa->sa_nqueued--;
		kmem_free(q, sizeof(*q));
	}
}

void
sigq_info_user(siginfo_t *info, int sig, int code)
{
	struct proc *p = curproc;

	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = p->p_pid;
	mutex_enter(&p->p_lock);
	info->si_uid = p->p_cred.cr_uid;
	mutex_exit(&p->p_lock);
}
