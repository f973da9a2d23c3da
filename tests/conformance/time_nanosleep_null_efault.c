/* time_nanosleep_null_efault -- nanosleep with a NULL request fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	struct timespec *volatile nullts = NULL;

	CHECK_ERR(nanosleep(nullts, NULL), EFAULT);
	return 0;
}
