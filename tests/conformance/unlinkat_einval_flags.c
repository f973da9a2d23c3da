/* unlinkat_einval_flags -- an unknown unlinkat flag fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(unlinkat(AT_FDCWD, "f", 0x1), EINVAL);
	CHECK_OK(access("f", F_OK));
	return 0;
}
