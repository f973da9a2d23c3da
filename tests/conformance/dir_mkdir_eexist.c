/* dir_mkdir_eexist -- mkdir of an existing name (file, directory or symlink) fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("f", "x");
	CHECK_OK(symlink("nowhere", "l"));
	CHECK_ERR(mkdir("d", 0755), EEXIST);
	CHECK_ERR(mkdir("f", 0755), EEXIST);
	CHECK_ERR(mkdir("l", 0755), EEXIST);
	CHECK_ERR(mkdir(".", 0755), EEXIST);
	return 0;
}
