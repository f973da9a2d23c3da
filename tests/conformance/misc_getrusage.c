/* misc_getrusage -- getrusage works for RUSAGE_SELF/THREAD/CHILDREN and rejects others with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct rusage ru;

	CHECK_OK(getrusage(RUSAGE_SELF, &ru));
	CHECK(ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000);
	CHECK_OK(getrusage(RUSAGE_THREAD, &ru));
	CHECK_OK(getrusage(RUSAGE_CHILDREN, &ru));
	CHECK_ERR(getrusage(42, &ru), EINVAL);
	return 0;
}
