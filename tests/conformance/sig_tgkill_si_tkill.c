/* sig_tgkill_si_tkill -- a signal sent with tgkill() carries a sender's si_code (SI_TKILL; SI_USER on Linux >= 6.x) and the sender's pid. */
#include "conf.h"

int
main(void)
{
	struct timespec zero = { 0, 0 };
	siginfo_t info;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_OK(tgkill(getpid(), gettid(), SIGUSR1));
	memset(&info, 0, sizeof(info));
	CHECK_EQ(sigtimedwait(&set, &info, &zero), SIGUSR1);
	CHECK_EQ(info.si_signo, SIGUSR1);
	CHECK(info.si_code == SI_TKILL || info.si_code == SI_USER);
	CHECK_EQ(info.si_pid, getpid());
	CHECK_EQ(info.si_uid, getuid());
	CHECK_ERR(tgkill(getpid(), gettid(), 65), EINVAL);
	return 0;
}
