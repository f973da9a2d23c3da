/* dev_null_write_swallows -- /dev/null accepts every write in full. */
#include "conf.h"

int
main(void)
{
	static char buf[100000];
	int fd;

	fd = CHECK_OK(open("/dev/null", O_WRONLY));
	CHECK_EQ(write(fd, buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(write(fd, "x", 1), 1);
	return 0;
}
