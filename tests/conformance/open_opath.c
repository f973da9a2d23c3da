/* open_opath -- an O_PATH descriptor can be fstat'ed and used as dirfd, but not read (EBADF). */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char c;
	int fd, dfd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	CHECK_OK(chmod("d/f", 0));
	fd = CHECK_OK(open("d/f", O_PATH));
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_ERR(read(fd, &c, 1), EBADF);
	dfd = CHECK_OK(open("d", O_PATH | O_DIRECTORY));
	CHECK_OK(fstatat(dfd, "f", &st, 0));
	return 0;
}
