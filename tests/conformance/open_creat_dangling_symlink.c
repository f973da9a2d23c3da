/* open_creat_dangling_symlink -- O_CREAT through a dangling symlink creates its target. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	CHECK_OK(symlink("target", "l"));
	fd = CHECK_OK(open("l", O_WRONLY | O_CREAT, 0644));
	CHECK_OK(close(fd));
	CHECK_OK(lstat("target", &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_OK(lstat("l", &st));
	CHECK(S_ISLNK(st.st_mode));
	return 0;
}
