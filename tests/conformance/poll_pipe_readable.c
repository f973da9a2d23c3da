/* poll_pipe_readable -- a pipe's read end polls POLLIN once data is written. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	int p[2];

	CHECK_OK(pipe(p));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	pfd.revents = -1;
	CHECK_EQ(poll(&pfd, 1, 0), 0);
	CHECK_EQ(pfd.revents, 0);
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_EQ(poll(&pfd, 1, 1000), 1);
	CHECK_EQ(pfd.revents, POLLIN);
	return 0;
}
