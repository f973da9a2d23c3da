/* rename_null_efault -- path arguments that are NULL fail with EFAULT (rename, mkdir, unlink, stat). */
#include "conf.h"

int
main(void)
{
	const char *volatile nullp = NULL;
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(rename(nullp, "g"), EFAULT);
	CHECK_ERR(rename("f", nullp), EFAULT);
	CHECK_ERR(mkdir(nullp, 0755), EFAULT);
	CHECK_ERR(unlink(nullp), EFAULT);
	CHECK_ERR(stat(nullp, &st), EFAULT);
	CHECK_OK(access("f", F_OK));
	return 0;
}
