/* dev_null_poll -- /dev/null polls readable and writable at once. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;

	pfd.fd = CHECK_OK(open("/dev/null", O_RDWR));
	pfd.events = POLLIN | POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents, POLLIN | POLLOUT);
	return 0;
}
