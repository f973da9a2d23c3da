/* open_eisdir_write -- a directory cannot be opened for writing: EISDIR. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(open("d", O_WRONLY), EISDIR);
	CHECK_ERR(open("d", O_RDWR), EISDIR);
	CHECK_ERR(open("d", O_WRONLY | O_CREAT, 0644), EISDIR);
	return 0;
}
