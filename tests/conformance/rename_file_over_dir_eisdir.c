/* rename_file_over_dir_eisdir -- a file cannot replace a directory: EISDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(rename("f", "d"), EISDIR);
	return 0;
}
