/* rename_dir_updates_parent -- moving a directory moves its ".." and the parents' link counts. */
#include "conf.h"

int
main(void)
{
	struct stat a, b, t;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("b", 0755));
	CHECK_OK(mkdir("a/sub", 0755));
	CHECK_OK(rename("a/sub", "b/sub"));
	CHECK_OK(stat("a", &a));
	CHECK_OK(stat("b", &b));
	CHECK_EQ(a.st_nlink, 2);
	CHECK_EQ(b.st_nlink, 3);
	CHECK_OK(stat("b/sub/..", &t));
	CHECK_EQ(t.st_ino, b.st_ino);
	return 0;
}
