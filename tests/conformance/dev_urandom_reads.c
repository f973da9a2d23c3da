/* dev_urandom_reads -- /dev/urandom fills a read fully, and two reads differ. */
#include "conf.h"

int
main(void)
{
	unsigned char a[64], b[64];
	int fd;

	fd = CHECK_OK(open("/dev/urandom", O_RDONLY));
	CHECK_EQ(read(fd, a, sizeof(a)), sizeof(a));
	CHECK_EQ(read(fd, b, sizeof(b)), sizeof(b));
	CHECK(memcmp(a, b, sizeof(a)) != 0);
	return 0;
}
