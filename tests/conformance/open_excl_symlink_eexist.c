/* open_excl_symlink_eexist -- O_CREAT|O_EXCL on a (dangling) symlink fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(symlink("target", "l"));
	CHECK_ERR(open("l", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	CHECK_ERR(access("target", F_OK), ENOENT);
	return 0;
}
