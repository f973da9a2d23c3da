/* fcntl_pipe_size_ebusy -- shrinking a pipe below the data it holds fails with EBUSY. */
#include "conf.h"

int
main(void)
{
	static char buf[16384];
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], buf, sizeof(buf)), sizeof(buf));
	CHECK_ERR(fcntl(p[1], F_SETPIPE_SZ, 4096), EBUSY);
	CHECK_EQ(fcntl(p[0], F_GETPIPE_SZ), 65536);
	return 0;
}
