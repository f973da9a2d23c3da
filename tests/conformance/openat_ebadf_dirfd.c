/* openat_ebadf_dirfd -- a relative path with a closed dirfd fails with EBADF. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(openat(99, "f", O_RDONLY), EBADF);
	CHECK_ERR(openat(-5, "f", O_RDONLY), EBADF);
	return 0;
}
