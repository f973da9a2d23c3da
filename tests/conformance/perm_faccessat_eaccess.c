/* perm_faccessat_eaccess -- access uses the real uid, AT_EACCESS the effective uid. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 0600));
	/* real uid stays 0, effective becomes 65534 */
	CHECK_OK(setresuid(0, 65534, 0));
	CHECK_OK(faccessat(AT_FDCWD, "f", R_OK, 0));
	CHECK_ERR(faccessat(AT_FDCWD, "f", R_OK, AT_EACCESS), EACCES);
	return 0;
}
