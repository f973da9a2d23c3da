/* stat_statx_null_efault -- statx into a NULL buffer fails with EFAULT; unknown flags with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct statx *volatile nullsx = NULL;
	struct statx sx;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(statx(AT_FDCWD, "f", 0, STATX_BASIC_STATS, nullsx), EFAULT);
	CHECK_ERR(statx(AT_FDCWD, "f", 0x10000000, STATX_BASIC_STATS, &sx), EINVAL);
	return 0;
}
