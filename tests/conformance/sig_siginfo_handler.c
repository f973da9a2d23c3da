/* sig_siginfo_handler -- an SA_SIGINFO handler receives the sender's siginfo (sigqueue value, pid, SI_QUEUE). */
#include "conf.h"

static volatile sig_atomic_t got_sig, got_code, got_int, got_pid;

static void
handler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	got_sig = sig;
	got_code = si->si_code;
	got_int = si->si_value.sival_int;
	got_pid = si->si_pid;
}

int
main(void)
{
	struct sigaction sa;
	union sigval v = { .sival_int = 77 };

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	CHECK_OK(sigqueue(getpid(), SIGUSR1, v));
	/* Delivered when the call returns. */
	CHECK_EQ(got_sig, SIGUSR1);
	CHECK_EQ(got_code, SI_QUEUE);
	CHECK_EQ(got_int, 77);
	CHECK_EQ(got_pid, getpid());
	return 0;
}
