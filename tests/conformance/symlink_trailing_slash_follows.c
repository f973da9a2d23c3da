/* symlink_trailing_slash_follows -- "link/" follows the link even for lstat. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(symlink("d", "l"));
	CHECK_OK(lstat("l/", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_OK(lstat("l", &st));
	CHECK(S_ISLNK(st.st_mode));
	return 0;
}
