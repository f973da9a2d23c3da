/* fcntl_pipe_size -- F_GETPIPE_SZ reports 65536 for a new pipe; F_SETPIPE_SZ changes it. */
#include "conf.h"

int
main(void)
{
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(fcntl(p[0], F_GETPIPE_SZ), 65536);
	CHECK(fcntl(p[1], F_SETPIPE_SZ, 8192) >= 8192);
	CHECK(fcntl(p[0], F_GETPIPE_SZ) >= 8192);
	CHECK(fcntl(p[0], F_GETPIPE_SZ) < 65536);
	return 0;
}
