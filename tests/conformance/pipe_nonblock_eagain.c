/* pipe_nonblock_eagain -- reading an empty O_NONBLOCK pipe with a writer fails with EAGAIN. */
#include "conf.h"

int
main(void)
{
	char c;
	int p[2];

	CHECK_OK(pipe2(p, O_NONBLOCK));
	CHECK_ERR(read(p[0], &c, 1), EAGAIN);
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_EQ(read(p[0], &c, 1), 1);
	CHECK_ERR(read(p[0], &c, 1), EAGAIN);
	CHECK_OK(close(p[1]));
	CHECK_EQ(read(p[0], &c, 1), 0);
	return 0;
}
