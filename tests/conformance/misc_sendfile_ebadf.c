/* misc_sendfile_ebadf -- sendfile from a write-only descriptor fails with EBADF. */
#include "conf.h"

int
main(void)
{
	int in, out;

	conf_enter_tmpdir();
	conf_put("in", "x");
	in = CHECK_OK(open("in", O_WRONLY));
	out = CHECK_OK(open("out", O_WRONLY | O_CREAT, 0644));
	CHECK_ERR(sendfile(out, in, NULL, 1), EBADF);
	CHECK_ERR(sendfile(out, 99, NULL, 1), EBADF);
	return 0;
}
