/* poll_pollnval_badfd -- a descriptor that is not open reports POLLNVAL and counts as ready. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;

	pfd.fd = 63;
	pfd.events = POLLIN;
	pfd.revents = 0;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLNVAL);
	return 0;
}
