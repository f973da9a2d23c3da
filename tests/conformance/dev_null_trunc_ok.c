/* dev_null_trunc_ok -- O_TRUNC on a character device is ignored: /dev/null opens fine. */
#include "conf.h"

int
main(void)
{
	int fd;

	fd = CHECK_OK(open("/dev/null", O_WRONLY | O_TRUNC));
	CHECK_EQ(write(fd, "x", 1), 1);
	return 0;
}
