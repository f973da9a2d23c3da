/* rename_same_inode_noop -- renaming a name onto itself or onto a hard link of it does nothing. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("a", "x");
	CHECK_OK(link("a", "b"));
	CHECK_OK(rename("a", "a"));
	CHECK_OK(rename("a", "b"));
	CHECK_OK(stat("a", &st));
	CHECK_OK(stat("b", &st));
	CHECK_EQ(st.st_nlink, 2);
	return 0;
}
