/* dir_removed_cwd_enoent -- after its directory is removed, creating in the cwd fails with ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(chdir("d"));
	CHECK_OK(rmdir("../d"));
	CHECK_ERR(open("f", O_WRONLY | O_CREAT, 0644), ENOENT);
	CHECK_ERR(mkdir("sub", 0755), ENOENT);
	return 0;
}
