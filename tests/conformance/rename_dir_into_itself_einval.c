/* rename_dir_into_itself_einval -- moving a directory under itself fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(mkdir("d/e", 0755));
	CHECK_ERR(rename("d", "d/x"), EINVAL);
	CHECK_ERR(rename("d", "d/e/x"), EINVAL);
	return 0;
}
