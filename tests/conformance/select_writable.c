/* select_writable -- select marks an empty pipe's write end writable and counts each set bit. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};
	fd_set r, w;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "x", 1), 1);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	CHECK_EQ(select(p[1] + 1, &r, &w, NULL, &tv), 2);
	CHECK(FD_ISSET(p[0], &r));
	CHECK(FD_ISSET(p[1], &w));
	return 0;
}
