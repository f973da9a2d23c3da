/* perm_root_bypasses -- root reads and writes a mode-000 file. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0));
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_OK(close(fd));
	return 0;
}
