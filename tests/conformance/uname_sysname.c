/* uname_sysname -- uname reports sysname "Linux", machine "x86_64" and non-empty fields. */
#include "conf.h"

int
main(void)
{
	struct utsname u;

	memset(&u, 0x55, sizeof(u));
	CHECK_OK(uname(&u));
	CHECK(strcmp(u.sysname, "Linux") == 0);
	CHECK(strcmp(u.machine, "x86_64") == 0);
	CHECK(u.release[0] != '\0');
	CHECK(u.version[0] != '\0');
	CHECK(memchr(u.nodename, '\0', sizeof(u.nodename)) != NULL);
	return 0;
}
