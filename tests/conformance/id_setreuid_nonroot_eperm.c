/* id_setreuid_nonroot_eperm -- an unprivileged process cannot take an unrelated uid: EPERM. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_drop_root();
	CHECK_ERR(setreuid(-1, 1234), EPERM);
	CHECK_ERR(setresuid(1234, -1, -1), EPERM);
	CHECK_ERR(setgroups(0, NULL), EPERM);
	CHECK_OK(setreuid(-1, 65534));
	return 0;
}
