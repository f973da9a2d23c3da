/* stat_dotdot_after_file_enotdir -- "file/.." is ENOTDIR: ".." is not resolved textually. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(stat("f/..", &st), ENOTDIR);
	CHECK_ERR(stat("f/.", &st), ENOTDIR);
	CHECK_ERR(stat("missing/..", &st), ENOENT);
	return 0;
}
