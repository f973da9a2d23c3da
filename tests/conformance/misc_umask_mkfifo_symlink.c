/* misc_umask_mkfifo_symlink -- umask applies to mknod; symlinks are always 0777. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	umask(077);
	CHECK_OK(mknod("p", S_IFIFO | 0666, 0));
	CHECK_OK(stat("p", &st));
	CHECK_EQ(st.st_mode & 0777, 0600);
	CHECK_OK(symlink("x", "l"));
	CHECK_OK(lstat("l", &st));
	CHECK_EQ(st.st_mode & 0777, 0777);
	return 0;
}
