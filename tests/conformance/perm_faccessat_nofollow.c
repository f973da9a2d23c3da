/* perm_faccessat_nofollow -- AT_SYMLINK_NOFOLLOW checks the link itself: a dangling link exists. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(symlink("nowhere", "l"));
	CHECK_ERR(faccessat(AT_FDCWD, "l", F_OK, 0), ENOENT);
	CHECK_OK(faccessat(AT_FDCWD, "l", F_OK, AT_SYMLINK_NOFOLLOW));
	CHECK_ERR(faccessat(AT_FDCWD, "l", F_OK, 0x1), EINVAL);
	return 0;
}
