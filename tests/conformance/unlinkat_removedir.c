/* unlinkat_removedir -- AT_REMOVEDIR removes directories; without it a directory is EISDIR. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("f", "x");
	CHECK_ERR(unlinkat(AT_FDCWD, "d", 0), EISDIR);
	CHECK_ERR(unlinkat(AT_FDCWD, "f", AT_REMOVEDIR), ENOTDIR);
	CHECK_OK(unlinkat(AT_FDCWD, "d", AT_REMOVEDIR));
	CHECK_ERR(stat("d", &st), ENOENT);
	CHECK_OK(unlinkat(AT_FDCWD, "f", 0));
	return 0;
}
