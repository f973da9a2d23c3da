/* pipe_write_zero_no_reader -- a zero-byte write returns 0 even with no reader (Linux). */
#include "conf.h"

int
main(void)
{
	int p[2];

	signal(SIGPIPE, SIG_IGN);
	CHECK_OK(pipe(p));
	CHECK_OK(close(p[0]));
	CHECK_EQ(write(p[1], "", 0), 0);
	return 0;
}
