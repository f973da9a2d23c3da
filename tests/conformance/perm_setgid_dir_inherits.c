/* perm_setgid_dir_inherits -- in a set-group-ID directory new entries take its group; subdirectories inherit S_ISGID. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("g", 0755));
	CHECK_OK(chown("g", 0, 4242));
	CHECK_OK(chmod("g", 02775));
	conf_put("g/f", "x");
	CHECK_OK(stat("g/f", &st));
	CHECK_EQ(st.st_gid, 4242);
	CHECK_OK(mkdir("g/sub", 0755));
	CHECK_OK(stat("g/sub", &st));
	CHECK_EQ(st.st_gid, 4242);
	CHECK(st.st_mode & S_ISGID);
	return 0;
}
