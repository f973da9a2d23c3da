/* openat_relative_dirfd -- a relative path is resolved against dirfd, not the cwd. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int dfd, fd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "in d");
	conf_put("f", "in cwd");
	dfd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	fd = CHECK_OK(openat(dfd, "f", O_RDONLY));
	CHECK_EQ(read(fd, buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "in d", 4) == 0);
	CHECK_OK(close(fd));
	fd = CHECK_OK(openat(dfd, "new", O_WRONLY | O_CREAT, 0644));
	CHECK_OK(close(fd));
	CHECK_OK(access("d/new", F_OK));
	return 0;
}
