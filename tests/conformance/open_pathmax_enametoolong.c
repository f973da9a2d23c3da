/* open_pathmax_enametoolong -- a path of PATH_MAX bytes or more fails with ENAMETOOLONG. */
#include "conf.h"

int
main(void)
{
	static char path[PATH_MAX + 2];
	size_t i;

	conf_enter_tmpdir();
	/* "./././..." : every component is short, only the whole is long. */
	for (i = 0; i < PATH_MAX; i += 2) {
		path[i] = '.';
		path[i + 1] = '/';
	}
	path[PATH_MAX] = 'f';
	path[PATH_MAX + 1] = '\0';
	CHECK_ERR(open(path, O_RDONLY), ENAMETOOLONG);
	CHECK_ERR(open(path, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	return 0;
}
