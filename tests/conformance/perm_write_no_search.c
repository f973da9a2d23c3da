/* perm_write_no_search -- creating in a writable directory without search permission fails with EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(chmod("d", 0766));
	conf_drop_root();
	CHECK_ERR(open("d/f", O_WRONLY | O_CREAT, 0644), EACCES);
	return 0;
}
