/* rename_symlink_itself -- rename moves a symlink, not its target. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(rename("l", "m"));
	CHECK_OK(lstat("m", &st));
	CHECK(S_ISLNK(st.st_mode));
	CHECK_OK(stat("f", &st));
	CHECK(S_ISREG(st.st_mode));
	return 0;
}
