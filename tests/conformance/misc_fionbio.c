/* misc_fionbio -- ioctl(FIONBIO) switches O_NONBLOCK on and off. */
#include "conf.h"

int
main(void)
{
	int on = 1, off = 0, p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(ioctl(p[0], FIONBIO, &on));
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK);
	CHECK_OK(ioctl(p[0], FIONBIO, &off));
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
	return 0;
}
