/* open_trunc -- O_TRUNC empties an existing file. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "hello world");
	fd = CHECK_OK(open("f", O_WRONLY | O_TRUNC));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 0);
	CHECK_OK(close(fd));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_size, 0);
	return 0;
}
