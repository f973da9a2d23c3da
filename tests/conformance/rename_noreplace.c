/* rename_noreplace -- RENAME_NOREPLACE fails with EEXIST when the target exists. */
#include "conf.h"

int
main(void)
{
	char buf[8];

	conf_enter_tmpdir();
	conf_put("a", "A");
	conf_put("b", "B");
	CHECK_ERR(renameat2(AT_FDCWD, "a", AT_FDCWD, "b", RENAME_NOREPLACE), EEXIST);
	conf_get("b", buf, sizeof(buf));
	CHECK(strcmp(buf, "B") == 0);
	CHECK_OK(renameat2(AT_FDCWD, "a", AT_FDCWD, "c", RENAME_NOREPLACE));
	CHECK_OK(access("c", F_OK));
	return 0;
}
