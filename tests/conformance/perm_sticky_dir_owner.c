/* perm_sticky_dir_owner -- in a sticky directory its owner may remove anyone's files. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mkdir("t", 01777));
	CHECK_OK(chmod("t", 01777));
	CHECK_OK(chown("t", 65534, 65534));
	conf_put("t/rootfile", "x");
	conf_drop_root();
	CHECK_OK(unlink("t/rootfile"));
	return 0;
}
