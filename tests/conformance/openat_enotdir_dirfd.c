/* openat_enotdir_dirfd -- a relative path with a dirfd that is a file fails with ENOTDIR. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(openat(fd, "g", O_RDONLY), ENOTDIR);
	return 0;
}
