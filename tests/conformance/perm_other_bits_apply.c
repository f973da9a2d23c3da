/* perm_other_bits_apply -- a non-owner outside the group gets the "other" bits only. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0604));
	conf_drop_root();
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(close(fd));
	CHECK_ERR(open("f", O_WRONLY), EACCES);
	return 0;
}
