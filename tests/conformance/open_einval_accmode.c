/* open_einval_accmode -- O_TMPFILE without write access fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(open(".", O_RDONLY | O_TMPFILE, 0600), EINVAL);
	return 0;
}
