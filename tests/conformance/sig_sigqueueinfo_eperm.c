/* sig_sigqueueinfo_eperm -- rt_sigqueueinfo: a si_code >= 0 or SI_TKILL is refused (EPERM) towards another process, allowed towards itself. */
#include "conf.h"

int
main(void)
{
	struct timespec zero = { 0, 0 };
	siginfo_t si, got;
	sigset_t set;
	pid_t other = getpid() == 1 ? 2 : 1;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_USER;
	CHECK_ERR(syscall(SYS_rt_sigqueueinfo, other, SIGUSR1, &si, 0, 0, 0), EPERM);
	si.si_code = SI_KERNEL;
	CHECK_ERR(syscall(SYS_rt_sigqueueinfo, other, SIGUSR1, &si, 0, 0, 0), EPERM);
	si.si_code = SI_TKILL;
	CHECK_ERR(syscall(SYS_rt_sigqueueinfo, other, SIGUSR1, &si, 0, 0, 0), EPERM);
	CHECK_ERR(syscall(SYS_rt_tgsigqueueinfo, other, other, SIGUSR1, &si, 0, 0), EPERM);
	/* To itself any si_code goes, and arrives as sent. */
	si.si_code = SI_KERNEL;
	si.si_pid = 12345;
	CHECK_OK(syscall(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, &si, 0, 0, 0));
	CHECK_EQ(sigtimedwait(&set, &got, &zero), SIGUSR1);
	CHECK_EQ(got.si_code, SI_KERNEL);
	CHECK_EQ(got.si_pid, 12345);
	CHECK_ERR(syscall(SYS_rt_sigqueueinfo, getpid(), 65, &si, 0, 0, 0), EINVAL);
	return 0;
}
