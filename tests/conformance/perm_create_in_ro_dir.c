/* perm_create_in_ro_dir -- creating, removing or renaming in a directory without write permission fails with EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	conf_drop_root();
	CHECK_ERR(open("d/new", O_WRONLY | O_CREAT, 0644), EACCES);
	CHECK_ERR(mkdir("d/sub", 0755), EACCES);
	CHECK_ERR(unlink("d/f"), EACCES);
	CHECK_ERR(rename("d/f", "d/g"), EACCES);
	CHECK_ERR(symlink("x", "d/l"), EACCES);
	return 0;
}
