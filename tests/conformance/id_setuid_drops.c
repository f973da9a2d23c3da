/* id_setuid_drops -- root's setuid sets real, effective and saved uid; getting them back is EPERM. */
#include "conf.h"

int
main(void)
{
	uid_t r, e, s;

	conf_need_root();
	CHECK_OK(setgid(65534));
	CHECK_OK(setuid(65534));
	CHECK_EQ(getuid(), 65534);
	CHECK_EQ(geteuid(), 65534);
	CHECK_OK(getresuid(&r, &e, &s));
	CHECK_EQ(s, 65534);
	CHECK_EQ(getgid(), 65534);
	CHECK_ERR(setuid(0), EPERM);
	CHECK_ERR(setgid(0), EPERM);
	return 0;
}
