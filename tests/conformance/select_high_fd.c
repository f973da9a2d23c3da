/* select_high_fd -- select handles descriptors beyond the first word of an fd_set. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {1, 0};
	fd_set r;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(dup2(p[0], 200), 200);
	CHECK_EQ(write(p[1], "x", 1), 1);
	FD_ZERO(&r);
	FD_SET(200, &r);
	CHECK_EQ(select(201, &r, NULL, NULL, &tv), 1);
	CHECK(FD_ISSET(200, &r));
	return 0;
}
