/* stat_fstatat_empty_path -- AT_EMPTY_PATH with "" stats dirfd itself; without it "" is ENOENT. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(fstatat(fd, "", &a, AT_EMPTY_PATH));
	CHECK_OK(fstat(fd, &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_EQ(a.st_size, 3);
	CHECK_ERR(fstatat(fd, "", &a, 0), ENOENT);
	return 0;
}
