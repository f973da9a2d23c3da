/* open_creat_excl_new -- O_CREAT|O_EXCL creates a missing file, empty. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT | O_EXCL, 0644));
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, 0);
	CHECK_OK(close(fd));
	return 0;
}
