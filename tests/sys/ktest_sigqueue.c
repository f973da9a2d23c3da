/*
 * ktest_sigqueue.c -- kernel self-tests of the siginfo queue of pending
 * signals (components/sys/sigqueue.c): real-time signals queue in
 * order, standard ones coalesce, RLIMIT_SIGPENDING bounds the records.
 */
#include "../ktest/ktest.h"
#include "../../components/sys/sys_int.h"

/* A SI_QUEUE siginfo carrying value v. */
static siginfo_t
queued(int sig, int v)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = 4242;
	si.si_int = v;
	return si;
}

/* Take one pending signal of mask from curlwp, with its siginfo. */
static int
take(sigset_t mask, siginfo_t *si)
{
	struct lwp *l = curlwp();
	int sig;

	mutex_enter(&l->l_proc->p_lock);
	sig = sigq_take(l->l_proc, l, mask, si);
	mutex_exit(&l->l_proc->p_lock);
	return sig;
}

KTEST(sigqueue_rt_in_order)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	int sig = SIGRTMIN + 3;
	siginfo_t si;

	l->l_sigmask = SIGMASK(sig);
	for (int i = 1; i <= 3; i++) {
		si = queued(sig, i);
		KT_EQ(kt, sig_post_info(p, l->l_tid, &si), 0);
	}
	for (int i = 1; i <= 3; i++) {
		KT_EQ(kt, take(SIGMASK(sig), &si), sig);
		KT_EQ(kt, si.si_code, SI_QUEUE);
		KT_EQ(kt, si.si_pid, 4242);
		KT_EQ(kt, si.si_int, i);
	}
	KT_EQ(kt, take(SIGMASK(sig), &si), 0);
	KT_EQ(kt, l->l_sigpend & SIGMASK(sig), 0);
	l->l_sigmask = 0;
}

KTEST(sigqueue_standard_coalesces)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	siginfo_t si;

	l->l_sigmask = SIGMASK(SIGUSR2);
	si = queued(SIGUSR2, 1);
	KT_EQ(kt, sig_post_info(p, l->l_tid, &si), 0);
	si = queued(SIGUSR2, 2);
	KT_EQ(kt, sig_post_info(p, l->l_tid, &si), 0);
	/* The first instance's siginfo is the one kept. */
	KT_EQ(kt, take(SIGMASK(SIGUSR2), &si), SIGUSR2);
	KT_EQ(kt, si.si_int, 1);
	KT_EQ(kt, take(SIGMASK(SIGUSR2), &si), 0);
	l->l_sigmask = 0;
}

KTEST(sigqueue_rlimit)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	struct rlimit old = p->p_rlimit[RLIMIT_SIGPENDING];
	int sig = SIGRTMIN + 4;
	siginfo_t si;

	l->l_sigmask = SIGMASK(sig);
	p->p_rlimit[RLIMIT_SIGPENDING].rlim_cur = 2;
	si = queued(sig, 1);
	KT_EQ(kt, sig_post_info(p, l->l_tid, &si), 0);
	KT_EQ(kt, sig_post_info(p, l->l_tid, &si), 0);
	/* A caller's siginfo over the limit: refused. */
	KT_EQ(kt, sig_post_info(p, l->l_tid, &si), -EAGAIN);
	/* kill()'s is still made pending, without a record. */
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_USER;
	si.si_pid = 77;
	KT_EQ(kt, sig_post_info(p, l->l_tid, &si), 0);
	KT_EQ(kt, take(SIGMASK(sig), &si), sig);
	KT_EQ(kt, si.si_code, SI_QUEUE);
	KT_EQ(kt, take(SIGMASK(sig), &si), sig);
	KT_EQ(kt, si.si_code, SI_QUEUE);
	KT_EQ(kt, take(SIGMASK(sig), &si), 0);
	p->p_rlimit[RLIMIT_SIGPENDING] = old;
	l->l_sigmask = 0;
}
