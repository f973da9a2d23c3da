/* dev_random_reads -- /dev/random gives random bytes without blocking forever. */
#include "conf.h"

int
main(void)
{
	unsigned char a[16];
	int fd;

	fd = CHECK_OK(open("/dev/random", O_RDONLY));
	CHECK(read(fd, a, sizeof(a)) > 0);
	return 0;
}
