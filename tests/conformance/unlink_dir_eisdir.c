/* unlink_dir_eisdir -- unlink of a directory fails with EISDIR (Linux). */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(unlink("d"), EISDIR);
	return 0;
}
