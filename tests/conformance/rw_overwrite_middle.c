/* rw_overwrite_middle -- writing inside a file replaces bytes without changing its size. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abcdef");
	fd = CHECK_OK(open("f", O_WRONLY));
	CHECK_EQ(lseek(fd, 2, SEEK_SET), 2);
	CHECK_EQ(write(fd, "XY", 2), 2);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 6);
	CHECK_OK(close(fd));
	conf_get("f", buf, sizeof(buf));
	CHECK(strcmp(buf, "abXYef") == 0);
	return 0;
}
