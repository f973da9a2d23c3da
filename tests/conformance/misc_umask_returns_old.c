/* misc_umask_returns_old -- umask returns the previous mask and keeps only the permission bits. */
#include "conf.h"

int
main(void)
{
	umask(022);
	CHECK_EQ(umask(077), 022);
	CHECK_EQ(umask(0777777), 077);
	CHECK_EQ(umask(0), 0777);
	return 0;
}
