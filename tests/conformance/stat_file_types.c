/* stat_file_types -- st_mode's type bits: regular file, directory, symlink (lstat), fifo. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(symlink("f", "l"));
	CHECK_OK(mknod("p", S_IFIFO | 0644, 0));
	CHECK_OK(stat("f", &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_OK(stat("d", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_OK(lstat("l", &st));
	CHECK(S_ISLNK(st.st_mode));
	CHECK_OK(stat("l", &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_OK(stat("p", &st));
	CHECK(S_ISFIFO(st.st_mode));
	return 0;
}
