/* open_creat_trailing_slash_eisdir -- O_CREAT of "new/" fails with EISDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(open("new/", O_WRONLY | O_CREAT, 0644), EISDIR);
	CHECK_ERR(access("new", F_OK), ENOENT);
	return 0;
}
