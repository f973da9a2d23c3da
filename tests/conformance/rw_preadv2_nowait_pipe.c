/* rw_preadv2_nowait_pipe -- RWF_NOWAIT makes a read of an empty blocking pipe fail with EAGAIN instead of waiting. */
#include "conf.h"

int
main(void)
{
	char a[4];
	struct iovec r = {a, 4}, w = {"data", 4};
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_ERR(preadv2(p[0], &r, 1, -1, RWF_NOWAIT), EAGAIN);
	CHECK_EQ(pwritev2(p[1], &w, 1, -1, RWF_NOWAIT), 4);
	CHECK_EQ(preadv2(p[0], &r, 1, -1, RWF_NOWAIT), 4);
	CHECK(memcmp(a, "data", 4) == 0);
	/* The descriptor itself stays blocking. */
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
	return 0;
}
