/* dir_mkdir_dotdot_eexist -- mkdir of ".." or of a dangling symlink's name fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(mkdir("..", 0755), EEXIST);
	CHECK_OK(symlink("nowhere", "l"));
	CHECK_ERR(mkdir("l/", 0755), EEXIST);
	CHECK_ERR(access("nowhere", F_OK), ENOENT);
	return 0;
}
