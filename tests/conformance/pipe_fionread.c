/* pipe_fionread -- ioctl(FIONREAD) reports the bytes waiting in a pipe. */
#include "conf.h"

int
main(void)
{
	int n = -1, p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(ioctl(p[0], FIONREAD, &n));
	CHECK_EQ(n, 0);
	CHECK_EQ(write(p[1], "12345", 5), 5);
	CHECK_OK(ioctl(p[0], FIONREAD, &n));
	CHECK_EQ(n, 5);
	return 0;
}
