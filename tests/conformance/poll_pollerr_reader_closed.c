/* poll_pollerr_reader_closed -- a write end whose reader is gone reports POLLERR. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(close(p[0]));
	pfd.fd = p[1];
	pfd.events = POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK(pfd.revents & POLLERR);
	return 0;
}
