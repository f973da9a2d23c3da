/* sig_rt_queue_order -- real-time signals queue every instance, taken oldest first with their values. */
#include "conf.h"

/* A real-time signal under both glibc (SIGRTMIN 34) and musl (35). */
enum { RTSIG = 41 };

int
main(void)
{
	struct timespec zero = { 0, 0 };
	siginfo_t info;
	sigset_t set;
	int i, sig = RTSIG;

	sigemptyset(&set);
	sigaddset(&set, sig);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	for (i = 1; i <= 3; i++) {
		union sigval v = { .sival_int = i * 10 };
		CHECK_OK(sigqueue(getpid(), sig, v));
	}
	for (i = 1; i <= 3; i++) {
		memset(&info, 0, sizeof(info));
		CHECK_EQ(sigtimedwait(&set, &info, &zero), sig);
		CHECK_EQ(info.si_signo, sig);
		CHECK_EQ(info.si_code, SI_QUEUE);
		CHECK_EQ(info.si_value.sival_int, i * 10);
		CHECK_EQ(info.si_pid, getpid());
	}
	CHECK_ERR(sigtimedwait(&set, &info, &zero), EAGAIN);
	return 0;
}
