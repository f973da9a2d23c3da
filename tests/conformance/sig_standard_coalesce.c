/* sig_standard_coalesce -- a standard signal sent twice while blocked is pending once. */
#include "conf.h"

int
main(void)
{
	struct timespec zero = { 0, 0 };
	siginfo_t info;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_OK(kill(getpid(), SIGUSR2));
	CHECK_OK(kill(getpid(), SIGUSR2));
	CHECK_EQ(sigtimedwait(&set, &info, &zero), SIGUSR2);
	CHECK_EQ(info.si_code, SI_USER);
	CHECK_EQ(info.si_pid, getpid());
	CHECK_ERR(sigtimedwait(&set, &info, &zero), EAGAIN);
	return 0;
}
