/* open_enoent_missing_dir -- O_CREAT in a missing directory fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(open("nodir/f", O_WRONLY | O_CREAT, 0644), ENOENT);
	return 0;
}
