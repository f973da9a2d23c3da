/* eventfd_write_max_einval -- writing 0xffffffffffffffff fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	uint64_t v = UINT64_MAX;
	int fd;

	fd = CHECK_OK(eventfd(0, 0));
	CHECK_ERR(write(fd, &v, sizeof(v)), EINVAL);
	return 0;
}
