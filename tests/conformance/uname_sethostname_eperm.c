/* uname_sethostname_eperm -- an unprivileged process cannot set the hostname: EPERM. */
#include "conf.h"

int
main(void)
{
	struct utsname u;

	conf_need_root();
	CHECK_OK(uname(&u));
	conf_drop_root();
	CHECK_ERR(sethostname(u.nodename, strlen(u.nodename)), EPERM);
	return 0;
}
