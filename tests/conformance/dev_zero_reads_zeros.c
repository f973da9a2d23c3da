/* dev_zero_reads_zeros -- /dev/zero fills every read with zeros; writes are discarded. */
#include "conf.h"

int
main(void)
{
	static unsigned char buf[70000];
	size_t i;
	int fd;

	memset(buf, 0xa5, sizeof(buf));
	fd = CHECK_OK(open("/dev/zero", O_RDWR));
	CHECK_EQ(read(fd, buf, sizeof(buf)), sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		if (buf[i] != 0)
			conf_failf(__FILE__, __LINE__, "byte %zu is %d", i, buf[i]);
	CHECK_EQ(write(fd, buf, 10), 10);
	return 0;
}
