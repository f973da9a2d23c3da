/* chown_clears_setuid -- changing the owner of an executable clears S_ISUID and S_ISGID. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chmod("f", 06755));
	CHECK_OK(chown("f", 5, 5));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_mode & 07777, 0755);
	return 0;
}
