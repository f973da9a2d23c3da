/* link_dir_eperm -- hard links to directories fail with EPERM. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(link("d", "e"), EPERM);
	return 0;
}
