/* uname_sethostname -- sethostname (to the current name) is reflected by uname; too long is EINVAL. */
#include "conf.h"

int
main(void)
{
	char big[100];
	struct utsname u, v;

	conf_need_root();
	CHECK_OK(uname(&u));
	if (CONF_NATIVE && sethostname(u.nodename, strlen(u.nodename)) == -1 &&
	    errno == EPERM)
		conf_skip("no CAP_SYS_ADMIN in this UTS namespace");
	CHECK_OK(sethostname(u.nodename, strlen(u.nodename)));
	CHECK_OK(uname(&v));
	CHECK(strcmp(u.nodename, v.nodename) == 0);
	memset(big, 'h', sizeof(big));
	CHECK_ERR(sethostname(big, 65), EINVAL);
	return 0;
}
