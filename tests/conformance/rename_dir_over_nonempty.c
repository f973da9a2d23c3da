/* rename_dir_over_nonempty -- a directory replaces an empty one, not a non-empty one (ENOTEMPTY). */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	conf_put("a/mark", "x");
	CHECK_OK(mkdir("full", 0755));
	conf_put("full/f", "x");
	CHECK_OK(mkdir("empty", 0755));
	CHECK_ERR(rename("a", "full"), ENOTEMPTY);
	CHECK_OK(rename("a", "empty"));
	CHECK_OK(stat("empty/mark", &st));
	CHECK_ERR(stat("a", &st), ENOENT);
	return 0;
}
