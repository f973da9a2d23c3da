/* perm_group_bits -- a member of the file's group gets the group bits. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chown("f", 0, 65534));
	CHECK_OK(chmod("f", 0660));
	conf_drop_root();
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_OK(close(fd));
	CHECK_OK(chown("f", -1, -1));
	return 0;
}
