/* stat_blocks_for_data -- st_blksize is positive; a file with 8 KiB of data has st_blocks >= 16. */
#include "conf.h"

int
main(void)
{
	static char buf[8192];
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	memset(buf, 'x', sizeof(buf));
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(write(fd, buf, sizeof(buf)), sizeof(buf));
	CHECK_OK(fstat(fd, &st));
	CHECK(st.st_blksize > 0);
	CHECK(st.st_blocks >= 16);
	return 0;
}
