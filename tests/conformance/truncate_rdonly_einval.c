/* truncate_rdonly_einval -- ftruncate on a descriptor not open for writing fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_ERR(ftruncate(fd, 0), EINVAL);
	CHECK_ERR(ftruncate(99, 0), EBADF);
	return 0;
}
