/* dir_getdents_null_efault -- getdents64 into a NULL buffer fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	void *volatile nullbuf = NULL;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	CHECK_ERR(getdents64(fd, nullbuf, 4096), EFAULT);
	return 0;
}
