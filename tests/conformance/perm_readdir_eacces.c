/* perm_readdir_eacces -- opening a directory without read permission fails with EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0311));
	conf_drop_root();
	CHECK_ERR(open("d", O_RDONLY | O_DIRECTORY), EACCES);
	return 0;
}
