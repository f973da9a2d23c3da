/* link_linkat_symlink_follow -- linkat links the symlink itself unless AT_SYMLINK_FOLLOW. */
#include "conf.h"

int
main(void)
{
	struct stat st, f;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(linkat(AT_FDCWD, "l", AT_FDCWD, "nofollow", 0));
	CHECK_OK(lstat("nofollow", &st));
	CHECK(S_ISLNK(st.st_mode));
	CHECK_OK(linkat(AT_FDCWD, "l", AT_FDCWD, "follow", AT_SYMLINK_FOLLOW));
	CHECK_OK(lstat("follow", &st));
	CHECK_OK(stat("f", &f));
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_ino, f.st_ino);
	CHECK_ERR(linkat(AT_FDCWD, "f", AT_FDCWD, "bad", 0x4000000), EINVAL);
	return 0;
}
