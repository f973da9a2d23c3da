/* poll_pollhup_writer_closed -- a read end whose writer is gone reports POLLHUP. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(close(p[1]));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK(pfd.revents & POLLHUP);
	return 0;
}
