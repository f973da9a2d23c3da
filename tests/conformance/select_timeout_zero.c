/* select_timeout_zero -- select with a zero timeval returns 0 at once and clears the sets. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};
	fd_set r;
	int p[2];

	CHECK_OK(pipe(p));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	CHECK_EQ(select(p[0] + 1, &r, NULL, NULL, &tv), 0);
	CHECK(!FD_ISSET(p[0], &r));
	return 0;
}
