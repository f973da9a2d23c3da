/* open_empty_path_enoent -- the empty path names nothing: ENOENT. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_ERR(open("", O_RDONLY), ENOENT);
	CHECK_ERR(open("", O_WRONLY | O_CREAT, 0644), ENOENT);
	return 0;
}
