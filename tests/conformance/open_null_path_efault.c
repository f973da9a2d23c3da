/* open_null_path_efault -- a NULL path is a bad address: EFAULT. */
#include "conf.h"

int
main(void)
{
	const char *volatile nullpath = NULL;

	conf_enter_tmpdir();
	CHECK_ERR(open(nullpath, O_RDONLY), EFAULT);
	return 0;
}
