/* rw_pread_keeps_offset -- pread reads at the given offset and leaves the file offset alone. */
#include "conf.h"

int
main(void)
{
	char buf[4];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(lseek(fd, 2, SEEK_SET), 2);
	CHECK_EQ(pread(fd, buf, 3, 6), 3);
	CHECK(memcmp(buf, "678", 3) == 0);
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);
	CHECK_EQ(pread(fd, buf, 4, 8), 2);
	CHECK_EQ(pread(fd, buf, 4, 100), 0);
	return 0;
}
