/* select_eof_readable -- a pipe whose writer is closed is readable (read would return 0). */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};
	fd_set r;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(close(p[1]));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	CHECK_EQ(select(p[0] + 1, &r, NULL, NULL, &tv), 1);
	CHECK(FD_ISSET(p[0], &r));
	return 0;
}
