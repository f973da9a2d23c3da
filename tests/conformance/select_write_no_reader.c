/* select_write_no_reader -- a write end without a reader selects writable (the write would fail at once). */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};
	fd_set w;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(close(p[0]));
	FD_ZERO(&w);
	FD_SET(p[1], &w);
	CHECK_EQ(select(p[1] + 1, NULL, &w, NULL, &tv), 1);
	CHECK(FD_ISSET(p[1], &w));
	return 0;
}
