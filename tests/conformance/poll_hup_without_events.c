/* poll_hup_without_events -- POLLHUP is reported even when events asks for nothing. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(close(p[1]));
	pfd.fd = p[0];
	pfd.events = 0;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLHUP);
	return 0;
}
