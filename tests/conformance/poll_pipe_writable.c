/* poll_pipe_writable -- a pipe's write end polls POLLOUT until it is full. */
#include "conf.h"

int
main(void)
{
	static char buf[65536];
	struct pollfd pfd;
	int p[2];

	CHECK_OK(pipe2(p, O_NONBLOCK));
	pfd.fd = p[1];
	pfd.events = POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLOUT);
	CHECK_EQ(write(p[1], buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(poll(&pfd, 1, 0), 0);
	CHECK_EQ(pfd.revents, 0);
	return 0;
}
