/* open_nofollow_regular -- O_NOFOLLOW opens a regular file and follows earlier components. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	CHECK_OK(symlink("d", "l"));
	fd = CHECK_OK(open("l/f", O_RDONLY | O_NOFOLLOW));
	CHECK_OK(close(fd));
	return 0;
}
