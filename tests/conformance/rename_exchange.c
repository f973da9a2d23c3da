/* rename_exchange -- RENAME_EXCHANGE swaps two names atomically, even file and directory. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[8];

	conf_enter_tmpdir();
	conf_put("a", "A");
	conf_put("b", "B");
	CHECK_OK(renameat2(AT_FDCWD, "a", AT_FDCWD, "b", RENAME_EXCHANGE));
	conf_get("a", buf, sizeof(buf));
	CHECK(strcmp(buf, "B") == 0);
	conf_get("b", buf, sizeof(buf));
	CHECK(strcmp(buf, "A") == 0);
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(renameat2(AT_FDCWD, "a", AT_FDCWD, "d", RENAME_EXCHANGE));
	CHECK_OK(stat("a", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_OK(stat("d", &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_ERR(renameat2(AT_FDCWD, "a", AT_FDCWD, "missing", RENAME_EXCHANGE), ENOENT);
	return 0;
}
