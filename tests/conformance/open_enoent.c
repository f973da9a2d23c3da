/* open_enoent -- opening a missing file without O_CREAT fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(open("missing", O_RDONLY), ENOENT);
	CHECK_ERR(open("missing", O_RDWR), ENOENT);
	return 0;
}
