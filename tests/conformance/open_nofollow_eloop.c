/* open_nofollow_eloop -- O_NOFOLLOW on a symbolic link fails with ELOOP. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(symlink("f", "l"));
	CHECK_ERR(open("l", O_RDONLY | O_NOFOLLOW), ELOOP);
	return 0;
}
