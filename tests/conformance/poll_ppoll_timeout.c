/* poll_ppoll_timeout -- ppoll takes a timespec; a bad tv_nsec fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct timespec ts = {0, 20 * 1000 * 1000}, bad = {0, 1000000000};
	struct pollfd pfd;
	int p[2];

	CHECK_OK(pipe(p));
	pfd.fd = p[0];
	pfd.events = POLLIN;
	CHECK_EQ(ppoll(&pfd, 1, &ts, NULL), 0);
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_EQ(ppoll(&pfd, 1, &ts, NULL), 1);
	CHECK_ERR(ppoll(&pfd, 1, &bad, NULL), EINVAL);
	return 0;
}
