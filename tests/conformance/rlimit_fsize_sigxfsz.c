/* rlimit_fsize_sigxfsz -- a write refused by RLIMIT_FSIZE raises SIGXFSZ (read from a signalfd while blocked); a short write does not. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl = {100, 100};
	struct signalfd_siginfo si;
	char buf[10] = {0};
	sigset_t set;
	int fd, sfd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	sigemptyset(&set);
	sigaddset(&set, SIGXFSZ);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	sfd = CHECK_OK(signalfd(-1, &set, SFD_NONBLOCK));
	CHECK_OK(setrlimit(RLIMIT_FSIZE, &rl));
	CHECK_EQ(pwrite(fd, buf, sizeof(buf), 95), 5);
	CHECK_ERR(read(sfd, &si, sizeof(si)), EAGAIN);
	CHECK_ERR(pwrite(fd, buf, 1, 100), EFBIG);
	CHECK_EQ(read(sfd, &si, sizeof(si)), (ssize_t)sizeof(si));
	CHECK_EQ(si.ssi_signo, SIGXFSZ);
	return 0;
}
