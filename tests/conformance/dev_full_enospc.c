/* dev_full_enospc -- writing /dev/full fails with ENOSPC; reading gives zeros. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	int fd;

	fd = CHECK_OK(open("/dev/full", O_RDWR));
	CHECK_ERR(write(fd, "x", 1), ENOSPC);
	memset(buf, 1, sizeof(buf));
	CHECK_EQ(read(fd, buf, sizeof(buf)), sizeof(buf));
	CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
	return 0;
}
