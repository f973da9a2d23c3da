/* chmod_nonmember_clears_sgid -- a non-root owner setting S_ISGID on a file of a foreign group loses the bit silently. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chown("f", 65534, 0));
	conf_drop_root();
	CHECK_OK(chmod("f", 02755));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_mode & 07777, 0755);
	return 0;
}
