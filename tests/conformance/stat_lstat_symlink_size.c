/* stat_lstat_symlink_size -- lstat of a symlink gives S_IFLNK and the target's length as size. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(symlink("some/where/else", "l"));
	CHECK_OK(lstat("l", &st));
	CHECK(S_ISLNK(st.st_mode));
	CHECK_EQ(st.st_size, strlen("some/where/else"));
	return 0;
}
