/* chmod_follows_symlink -- chmod through a symlink changes the target, not the link. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0644));
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(chmod("l", 0600));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_mode & 07777, 0600);
	CHECK_OK(lstat("l", &st));
	CHECK_EQ(st.st_mode & 07777, 0777);
	return 0;
}
