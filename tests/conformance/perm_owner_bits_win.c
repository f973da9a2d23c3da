/* perm_owner_bits_win -- the owner class decides for the owner even if "other" allows more. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chown("f", 65534, 65534));
	CHECK_OK(chmod("f", 0077));
	conf_drop_root();
	CHECK_ERR(open("f", O_RDONLY), EACCES);
	return 0;
}
