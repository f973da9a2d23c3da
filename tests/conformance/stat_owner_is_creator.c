/* stat_owner_is_creator -- a new file belongs to the creating euid and egid. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_uid, geteuid());
	CHECK_EQ(st.st_gid, getegid());
	return 0;
}
