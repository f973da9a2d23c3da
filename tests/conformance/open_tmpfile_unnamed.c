/* open_tmpfile_unnamed -- O_TMPFILE gives a writable file with no name in the directory. */
#include "conf.h"

int
main(void)
{
	char buf[4096];
	struct stat st;
	int fd, dfd;

	conf_enter_tmpdir();
	fd = open(".", O_RDWR | O_TMPFILE, 0600);
	if (CONF_NATIVE && fd == -1 && errno == EOPNOTSUPP)
		conf_skip("the host file system has no O_TMPFILE");
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "abc", 3), 3);
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_nlink, 0);
	CHECK_EQ(st.st_size, 3);
	dfd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	/* only "." and "..": two small records */
	CHECK(getdents64(dfd, (void *)buf, sizeof(buf)) < 64);
	return 0;
}
