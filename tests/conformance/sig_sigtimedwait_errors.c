/* sig_sigtimedwait_errors -- sigtimedwait: EAGAIN when the timeout passes with nothing pending, EINVAL for a bad timeout. */
#include "conf.h"

int
main(void)
{
	struct timespec zero = { 0, 0 }, short_ = { 0, 1000000 };
	struct timespec bad = { 0, 1000000000 };
	siginfo_t info;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_ERR(sigtimedwait(&set, &info, &zero), EAGAIN);
	CHECK_ERR(sigtimedwait(&set, &info, &short_), EAGAIN);
	CHECK_ERR(sigtimedwait(&set, &info, &bad), EINVAL);
	/* A signal already pending is returned even with a zero timeout,
	 * and info may be NULL. */
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK_EQ(sigtimedwait(&set, NULL, &zero), SIGUSR1);
	return 0;
}
