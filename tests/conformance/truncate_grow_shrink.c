/* truncate_grow_shrink -- truncate shrinks a file and grows it with zeros. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	CHECK_OK(truncate("f", 4));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_size, 4);
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_OK(ftruncate(fd, 8));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 8);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 8);
	CHECK(memcmp(buf, "0123\0\0\0\0", 8) == 0);
	return 0;
}
