/* rename_flags_einval -- RENAME_NOREPLACE|RENAME_EXCHANGE, or unknown flags, fail with EINVAL. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("a", "A");
	conf_put("b", "B");
	CHECK_ERR(renameat2(AT_FDCWD, "a", AT_FDCWD, "b",
	    RENAME_NOREPLACE | RENAME_EXCHANGE), EINVAL);
	CHECK_ERR(renameat2(AT_FDCWD, "a", AT_FDCWD, "c", 0x1000), EINVAL);
	return 0;
}
