/* open_creat_dir_eisdir -- O_CREAT naming an existing directory fails with EISDIR, even read-only. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(open("d", O_RDONLY | O_CREAT, 0644), EISDIR);
	return 0;
}
