/* open_noatime_eperm -- O_NOATIME on a file the caller does not own fails with EPERM. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0644));
	fd = CHECK_OK(open("f", O_RDONLY | O_NOATIME));
	CHECK_OK(close(fd));
	conf_drop_root();
	CHECK_ERR(open("f", O_RDONLY | O_NOATIME), EPERM);
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(close(fd));
	return 0;
}
