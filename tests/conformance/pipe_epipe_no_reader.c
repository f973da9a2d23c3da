/* pipe_epipe_no_reader -- writing to a pipe with no reader fails with EPIPE (SIGPIPE ignored). */
#include "conf.h"

int
main(void)
{
	int p[2];

	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(pipe(p));
	CHECK_OK(close(p[0]));
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	return 0;
}
