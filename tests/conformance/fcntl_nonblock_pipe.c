/* fcntl_nonblock_pipe -- O_NONBLOCK set with F_SETFL makes an empty pipe read fail with EAGAIN. */
#include "conf.h"

int
main(void)
{
	char c;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
	CHECK_OK(fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK));
	CHECK_ERR(read(p[0], &c, 1), EAGAIN);
	CHECK_OK(fcntl(p[0], F_SETFL, 0));
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
	return 0;
}
