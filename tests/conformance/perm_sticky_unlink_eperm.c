/* perm_sticky_unlink_eperm -- in a sticky directory only the owner may remove a file: EPERM. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("t", 0777));
	CHECK_OK(chmod("t", 01777));
	conf_put("t/rootfile", "x");
	CHECK_OK(chmod("t/rootfile", 0666));
	conf_drop_root();
	CHECK_ERR(unlink("t/rootfile"), EPERM);
	CHECK_ERR(rename("t/rootfile", "t/mine"), EPERM);
	conf_put("t/own", "x");
	CHECK_OK(unlink("t/own"));
	return 0;
}
