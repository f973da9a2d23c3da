/* dir_getdents_einval_small -- a buffer too small for one entry fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	CHECK_ERR(getdents64(fd, (void *)buf, sizeof(buf)), EINVAL);
	return 0;
}
