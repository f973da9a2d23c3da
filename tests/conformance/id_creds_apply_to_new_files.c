/* id_creds_apply_to_new_files -- files are created with the effective uid and gid. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(chmod(".", 0777));
	CHECK_OK(setresgid(-1, 321, -1));
	CHECK_OK(setresuid(-1, 123, -1));
	conf_put("f", "x");
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_uid, 123);
	CHECK_EQ(st.st_gid, 321);
	return 0;
}
