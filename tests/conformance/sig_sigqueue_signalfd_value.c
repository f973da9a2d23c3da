/* sig_sigqueue_signalfd_value -- sigqueue() to the own process reaches a signalfd with SI_QUEUE, the sender and the value. */
#include "conf.h"

/* A real-time signal under both glibc (SIGRTMIN 34) and musl (35). */
enum { RTSIG = 40 };

int
main(void)
{
	struct signalfd_siginfo si;
	union sigval v = { .sival_int = 4242 };
	sigset_t set;
	int fd;

	sigemptyset(&set);
	sigaddset(&set, RTSIG);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	fd = CHECK_OK(signalfd(-1, &set, SFD_NONBLOCK));
	CHECK_OK(sigqueue(getpid(), RTSIG, v));
	CHECK_EQ(read(fd, &si, sizeof(si)), sizeof(si));
	CHECK_EQ(si.ssi_signo, RTSIG);
	CHECK_EQ(si.ssi_code, SI_QUEUE);
	CHECK_EQ(si.ssi_pid, getpid());
	CHECK_EQ(si.ssi_uid, getuid());
	CHECK_EQ(si.ssi_int, 4242);
	CHECK_ERR(read(fd, &si, sizeof(si)), EAGAIN);
	return 0;
}
