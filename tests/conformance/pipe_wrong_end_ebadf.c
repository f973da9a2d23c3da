/* pipe_wrong_end_ebadf -- writing the read end or reading the write end fails with EBADF. */
#include "conf.h"

int
main(void)
{
	char c;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_ERR(write(p[0], "x", 1), EBADF);
	CHECK_ERR(read(p[1], &c, 1), EBADF);
	return 0;
}
