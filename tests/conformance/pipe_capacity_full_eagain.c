/* pipe_capacity_full_eagain -- a non-blocking pipe takes 65536 bytes, then write fails with EAGAIN. */
#include "conf.h"

int
main(void)
{
	static char buf[4096];
	long total = 0;
	ssize_t n;
	int p[2];

	CHECK_OK(pipe2(p, O_NONBLOCK));
	memset(buf, 'x', sizeof(buf));
	while ((n = write(p[1], buf, sizeof(buf))) > 0)
		total += n;
	CHECK_EQ(n, -1);
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(total, 65536);
	CHECK_ERR(write(p[1], "y", 1), EAGAIN);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(write(p[1], buf, 100), 100);
	return 0;
}
