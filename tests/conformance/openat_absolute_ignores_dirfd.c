/* openat_absolute_ignores_dirfd -- an absolute path ignores dirfd, even an invalid one. */
#include "conf.h"

int
main(void)
{
	char cwd[PATH_MAX], path[PATH_MAX + 8];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	snprintf(path, sizeof(path), "%s/f", cwd);
	fd = CHECK_OK(openat(99, path, O_RDONLY));
	CHECK_OK(close(fd));
	fd = CHECK_OK(openat(AT_FDCWD, "f", O_RDONLY));
	CHECK_OK(close(fd));
	return 0;
}
