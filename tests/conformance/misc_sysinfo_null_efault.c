/* misc_sysinfo_null_efault -- sysinfo and getrusage into NULL fail with EFAULT. */
#include "conf.h"

int
main(void)
{
	struct sysinfo *volatile nullsi = NULL;
	struct rusage *volatile nullru = NULL;

	CHECK_ERR(sysinfo(nullsi), EFAULT);
	CHECK_ERR(getrusage(RUSAGE_SELF, nullru), EFAULT);
	return 0;
}
