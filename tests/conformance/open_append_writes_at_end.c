/* open_append_writes_at_end -- with O_APPEND every write goes to the end, whatever the offset. */
#include "conf.h"

int
main(void)
{
	char buf[32];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_WRONLY | O_APPEND));
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(write(fd, "def", 3), 3);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 6);
	CHECK_EQ(lseek(fd, 1, SEEK_SET), 1);
	CHECK_EQ(write(fd, "g", 1), 1);
	CHECK_OK(close(fd));
	conf_get("f", buf, sizeof(buf));
	CHECK(strcmp(buf, "abcdefg") == 0);
	return 0;
}
