/* pipe_roundtrip -- bytes written to a pipe's write end come out of the read end in order. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "hello", 5), 5);
	CHECK_EQ(write(p[1], " you", 4), 4);
	CHECK_EQ(read(p[0], buf, 3), 3);
	CHECK(memcmp(buf, "hel", 3) == 0);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 6);
	CHECK(memcmp(buf, "lo you", 6) == 0);
	return 0;
}
