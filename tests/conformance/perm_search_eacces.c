/* perm_search_eacces -- a directory without search (x) permission blocks lookups: EACCES. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	CHECK_OK(chmod("d", 0644));
	conf_drop_root();
	CHECK_ERR(stat("d/f", &st), EACCES);
	CHECK_ERR(open("d/f", O_RDONLY), EACCES);
	CHECK_ERR(chdir("d"), EACCES);
	return 0;
}
