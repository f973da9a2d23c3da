/*
 * ktest_sig.c -- kernel self-tests of the signal internals: posting to a
 * process, exec's reset of actions, and the temporary mask helpers.
 */
#include "../ktest/ktest.h"
#include "../../components/sys/sys_int.h"

static void
dummy_handler(int sig)
{
	(void)sig;
}

KTEST(sig_exec_resets_caught)
{
	struct proc *p = curproc;
	struct sigacts *sa = p->p_sigacts;

	if (!KT_CHECK(kt, sa != NULL))
		return;
	sa->sa_act[SIGUSR1 - 1].sa_handler = dummy_handler;
	sa->sa_act[SIGUSR1 - 1].sa_flags = SA_RESTART;
	sa->sa_act[SIGUSR2 - 1].sa_handler = SIG_IGN;
	sig_exec(p);
	KT_CHECK(kt, sa->sa_act[SIGUSR1 - 1].sa_handler == SIG_DFL);
	KT_EQ(kt, sa->sa_act[SIGUSR1 - 1].sa_flags, 0);
	KT_CHECK(kt, sa->sa_act[SIGUSR2 - 1].sa_handler == SIG_IGN);
	sa->sa_act[SIGUSR2 - 1].sa_handler = SIG_DFL;
}

KTEST(sig_post_pending_and_discard)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;

	/* Blocked: kept pending, even for a default-ignored signal. */
	l->l_sigmask = SIGMASK(SIGUSR1) | SIGMASK(SIGCHLD);
	KT_EQ(kt, sig_post(p, l->l_tid, SIGUSR1), 0);
	KT_EQ(kt, sig_post(p, 0, SIGCHLD), 0);
	KT_CHECK(kt, l->l_sigpend & SIGMASK(SIGUSR1));
	KT_CHECK(kt, l->l_sigpend & SIGMASK(SIGCHLD));
	/* Unblocked and ignored by default: dropped at once. */
	l->l_sigpend = 0;
	l->l_sigmask = 0;
	KT_EQ(kt, sig_post(p, 0, SIGWINCH), 0);
	KT_EQ(kt, l->l_sigpend, 0);
	KT_EQ(kt, sig_post(p, 99999, SIGUSR1), -ESRCH);
	KT_EQ(kt, sig_post(&proc0, 0, SIGUSR1), -EPERM);
	KT_CHECK(kt, !(l->l_flags & LW_WEXIT));
}
