/* symlink_loop_eloop -- resolving a symlink loop fails with ELOOP. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(symlink("b", "a"));
	CHECK_OK(symlink("a", "b"));
	CHECK_OK(symlink("self", "self"));
	CHECK_ERR(open("a", O_RDONLY), ELOOP);
	CHECK_ERR(stat("self", &st), ELOOP);
	CHECK_ERR(stat("a/x", &st), ELOOP);
	CHECK_OK(lstat("a", &st));
	return 0;
}
