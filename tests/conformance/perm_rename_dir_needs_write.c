/* perm_rename_dir_needs_write -- moving a directory to a new parent needs write permission on it (for ".."): EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	umask(0);
	CHECK_OK(mkdir("a", 0777));
	CHECK_OK(mkdir("b", 0777));
	CHECK_OK(mkdir("a/sub", 0755));
	CHECK_OK(chown("a/sub", 65534, 65534));
	CHECK_OK(chmod("a/sub", 0555));
	conf_drop_root();
	CHECK_ERR(rename("a/sub", "b/sub"), EACCES);
	CHECK_OK(rename("a/sub", "a/renamed"));
	return 0;
}
