/* unlink_open_file_readable -- an unlinked file stays readable and writable through open descriptors. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "still here");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_OK(unlink("f"));
	CHECK_ERR(stat("f", &st), ENOENT);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_nlink, 0);
	CHECK_EQ(read(fd, buf, 10), 10);
	CHECK(memcmp(buf, "still here", 10) == 0);
	CHECK_EQ(write(fd, "!", 1), 1);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 11);
	return 0;
}
