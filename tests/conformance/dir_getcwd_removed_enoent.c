/* dir_getcwd_removed_enoent -- getcwd fails with ENOENT once the cwd has been removed. */
#include "conf.h"

int
main(void)
{
	char cwd[PATH_MAX];

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(chdir("d"));
	CHECK_OK(rmdir("../d"));
	errno = 0;
	CHECK(getcwd(cwd, sizeof(cwd)) == NULL);
	CHECK_EQ(errno, ENOENT);
	return 0;
}
