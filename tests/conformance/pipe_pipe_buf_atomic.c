/* pipe_pipe_buf_atomic -- a non-blocking write of <= PIPE_BUF bytes is all or nothing. */
#include "conf.h"

int
main(void)
{
	static char buf[65536];
	ssize_t n;
	int p[2];

	CHECK_OK(pipe2(p, O_NONBLOCK));
	/* leave 100 bytes of room */
	CHECK_EQ(write(p[1], buf, 65536 - 100), 65536 - 100);
	CHECK_ERR(write(p[1], buf, PIPE_BUF), EAGAIN);
	/* larger than PIPE_BUF: a partial write is allowed */
	n = CHECK_OK(write(p[1], buf, PIPE_BUF + 1));
	CHECK(n > 0 && n <= 100);
	return 0;
}
