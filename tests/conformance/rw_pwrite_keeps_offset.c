/* rw_pwrite_keeps_offset -- pwrite writes at the given offset and leaves the file offset alone. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_EQ(pwrite(fd, "ab", 2, 4), 2);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 0);
	CHECK_OK(close(fd));
	conf_get("f", buf, sizeof(buf));
	CHECK(strcmp(buf, "0123ab6789") == 0);
	return 0;
}
