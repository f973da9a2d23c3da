/* misc_signalfd_kill -- a blocked signal sent with kill() is read from a signalfd. */
#include "conf.h"

int
main(void)
{
	struct signalfd_siginfo si;
	sigset_t set;
	int fd;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	fd = CHECK_OK(signalfd(-1, &set, SFD_NONBLOCK));
	CHECK_ERR(read(fd, &si, sizeof(si)), EAGAIN);
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK_EQ(read(fd, &si, sizeof(si)), sizeof(si));
	CHECK_EQ(si.ssi_signo, SIGUSR1);
	CHECK_EQ(si.ssi_pid, getpid());
	CHECK_ERR(read(fd, &si, sizeof(si)), EAGAIN);
	return 0;
}
