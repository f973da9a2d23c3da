/* misc_fsync_pipe_einval -- fsync on a pipe fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_ERR(fsync(p[0]), EINVAL);
	return 0;
}
