/* stat_nlink_dir -- a new directory has 2 links; each subdirectory adds one. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(stat("d", &st));
	CHECK_EQ(st.st_nlink, 2);
	CHECK_OK(mkdir("d/a", 0755));
	CHECK_OK(mkdir("d/b", 0755));
	conf_put("d/f", "x");
	CHECK_OK(stat("d", &st));
	CHECK_EQ(st.st_nlink, 4);
	CHECK_OK(rmdir("d/a"));
	CHECK_OK(stat("d", &st));
	CHECK_EQ(st.st_nlink, 3);
	return 0;
}
