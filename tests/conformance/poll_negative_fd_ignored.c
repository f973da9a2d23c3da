/* poll_negative_fd_ignored -- an entry with a negative fd is skipped and its revents zeroed. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd[2];
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "x", 1), 1);
	pfd[0].fd = -1;
	pfd[0].events = POLLIN;
	pfd[0].revents = POLLIN;
	pfd[1].fd = p[0];
	pfd[1].events = POLLIN;
	CHECK_EQ(poll(pfd, 2, 0), 1);
	CHECK_EQ(pfd[0].revents, 0);
	CHECK_EQ(pfd[1].revents, POLLIN);
	return 0;
}
