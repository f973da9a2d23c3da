/* sig_rlimit_sigpending_eagain -- sigqueue fails with EAGAIN once RLIMIT_SIGPENDING signals are queued; the queued ones all arrive. */
#include "conf.h"

/* A real-time signal under both glibc (SIGRTMIN 34) and musl (35). */
enum { RTSIG = 42 };

int
main(void)
{
	struct rlimit rl = { 4, 4 };
	struct timespec zero = { 0, 0 };
	siginfo_t info;
	sigset_t set;
	int i, n = 0, sig = RTSIG;

	sigemptyset(&set);
	sigaddset(&set, sig);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_OK(setrlimit(RLIMIT_SIGPENDING, &rl));
	/* The limit counts per user on Linux: other processes of ours may
	 * hold a few, so only "at most 4, then EAGAIN" is certain. */
	for (i = 0; i < 6; i++) {
		union sigval v = { .sival_int = i };
		errno = 0;
		if (sigqueue(getpid(), sig, v) == -1) {
			CHECK_EQ(errno, EAGAIN);
			break;
		}
		n++;
	}
	CHECK(n <= 4);
	CHECK(i < 6);
	for (i = 0; i < n; i++) {
		CHECK_EQ(sigtimedwait(&set, &info, &zero), sig);
		CHECK_EQ(info.si_value.sival_int, i);
	}
	CHECK_ERR(sigtimedwait(&set, &info, &zero), EAGAIN);
	return 0;
}
