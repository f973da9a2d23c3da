/* chown_lchown_symlink -- lchown changes the symlink, chown its target. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(lchown("l", 11, 12));
	CHECK_OK(lstat("l", &st));
	CHECK_EQ(st.st_uid, 11);
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_uid, 0);
	CHECK_OK(chown("l", 21, 22));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_uid, 21);
	CHECK_OK(lstat("l", &st));
	CHECK_EQ(st.st_uid, 11);
	return 0;
}
