/* seek_espipe_pipe -- lseek on a pipe fails with ESPIPE. */
#include "conf.h"

int
main(void)
{
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
	CHECK_ERR(lseek(p[1], 0, SEEK_SET), ESPIPE);
	return 0;
}
