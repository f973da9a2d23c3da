/* rw_pread_einval_negative -- pread and pwrite at a negative offset fail with EINVAL. */
#include "conf.h"

int
main(void)
{
	char c;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_ERR(pread(fd, &c, 1, -1), EINVAL);
	CHECK_ERR(pwrite(fd, "y", 1, -1), EINVAL);
	return 0;
}
