/* stat_null_buf_efault -- stat and fstat into a NULL buffer fail with EFAULT. */
#include "conf.h"

int
main(void)
{
	struct stat *volatile nullst = NULL;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(stat("f", nullst), EFAULT);
	CHECK_ERR(fstat(fd, nullst), EFAULT);
	return 0;
}
