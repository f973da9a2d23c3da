/* open_dir_rdonly -- a directory opens read-only, with and without O_DIRECTORY. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	fd = CHECK_OK(open("d", O_RDONLY));
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_OK(close(fd));
	fd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_OK(close(fd));
	return 0;
}
