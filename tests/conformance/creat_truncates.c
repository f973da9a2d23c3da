/* creat_truncates -- creat() is open(O_WRONLY|O_CREAT|O_TRUNC): write-only, truncating. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char c;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "old contents");
	fd = CHECK_OK(creat("f", 0644));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 0);
	CHECK_ERR(read(fd, &c, 1), EBADF);
	CHECK_EQ(write(fd, "n", 1), 1);
	CHECK_OK(close(fd));
	return 0;
}
