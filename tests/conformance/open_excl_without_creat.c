/* open_excl_without_creat -- O_EXCL without O_CREAT opens an existing regular file normally. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY | O_EXCL));
	CHECK_OK(close(fd));
	CHECK_ERR(open("missing", O_RDONLY | O_EXCL), ENOENT);
	return 0;
}
