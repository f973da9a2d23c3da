/* open_creat_mode_umask -- a created file gets mode & ~umask. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	umask(027);
	fd = CHECK_OK(open("f", O_WRONLY | O_CREAT, 0777));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_mode & 07777, 0750);
	CHECK_OK(close(fd));
	umask(0);
	fd = CHECK_OK(open("g", O_WRONLY | O_CREAT, 0604));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_mode & 07777, 0604);
	CHECK_OK(close(fd));
	return 0;
}
