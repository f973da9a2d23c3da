/* dev_null_read_eof -- /dev/null reads as end of file. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int fd;

	fd = CHECK_OK(open("/dev/null", O_RDONLY));
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	return 0;
}
