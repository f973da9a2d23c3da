/* misc_gethostname -- gethostname matches uname's nodename. */
#include "conf.h"

int
main(void)
{
	char name[HOST_NAME_MAX + 1];
	struct utsname u;

	CHECK_OK(gethostname(name, sizeof(name)));
	CHECK_OK(uname(&u));
	CHECK(strcmp(name, u.nodename) == 0);
	return 0;
}
