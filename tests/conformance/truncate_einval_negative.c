/* truncate_einval_negative -- a negative length fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(truncate("f", -1), EINVAL);
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_ERR(ftruncate(fd, -1), EINVAL);
	return 0;
}
