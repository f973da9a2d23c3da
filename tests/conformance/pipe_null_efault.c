/* pipe_null_efault -- pipe into a NULL array fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	int *volatile nullfds = NULL;

	CHECK_ERR(pipe(nullfds), EFAULT);
	return 0;
}
