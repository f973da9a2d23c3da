/* rw_pread_espipe_on_pipe -- pread and pwrite on a pipe fail with ESPIPE. */
#include "conf.h"

int
main(void)
{
	char c;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "x", 1), 1);
	CHECK_ERR(pread(p[0], &c, 1, 0), ESPIPE);
	CHECK_ERR(pwrite(p[1], "y", 1, 0), ESPIPE);
	return 0;
}
