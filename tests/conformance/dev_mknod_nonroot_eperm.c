/* dev_mknod_nonroot_eperm -- an unprivileged user cannot make device nodes: EPERM. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(chmod(".", 0777));
	conf_drop_root();
	CHECK_ERR(mknod("n", S_IFCHR | 0666, makedev(1, 3)), EPERM);
	CHECK_OK(mknod("p", S_IFIFO | 0666, 0));
	return 0;
}
