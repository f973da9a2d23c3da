/* time_read_updates_atime -- reading a file whose atime is older than its mtime updates atime (relatime). */
#include "conf.h"

int
main(void)
{
	struct timespec ts[2] = {{1000, 0}, {2000, 0}};
	struct statfs sfs;
	struct stat st;
	char c;
	int fd;

	conf_enter_tmpdir();
	CHECK_OK(statfs(".", &sfs));
	if (CONF_NATIVE && (sfs.f_flags & ST_NOATIME))
		conf_skip("the scratch directory is mounted noatime");
	conf_put("f", "x");
	CHECK_OK(utimensat(AT_FDCWD, "f", ts, 0));
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(read(fd, &c, 1), 1);
	CHECK_OK(fstat(fd, &st));
	CHECK(st.st_atim.tv_sec > 2000);
	CHECK_EQ(st.st_mtim.tv_sec, 2000);
	return 0;
}
