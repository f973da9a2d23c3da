/* rw_write_null_efault -- read into or write from a NULL buffer fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	void *volatile nullbuf = NULL;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abcdef");
	fd = CHECK_OK(open("f", O_RDWR));
	CHECK_ERR(read(fd, nullbuf, 4), EFAULT);
	CHECK_ERR(write(fd, nullbuf, 4), EFAULT);
	return 0;
}
