/* dir_fchdir -- fchdir makes a directory descriptor's directory the cwd. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	fd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_OK(fchdir(fd));
	conf_put("f", "x");
	CHECK_OK(chdir(".."));
	CHECK_OK(access("d/f", F_OK));
	return 0;
}
