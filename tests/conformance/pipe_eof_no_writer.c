/* pipe_eof_no_writer -- once the write end is closed and the pipe drained, read returns 0. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "ab", 2), 2);
	CHECK_OK(close(p[1]));
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 2);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0);
	return 0;
}
