/* id_seteuid_restores -- with the saved uid still 0, the effective uid can go back to root. */
#include "conf.h"

int
main(void)
{
	uid_t r, e, s;

	conf_need_root();
	CHECK_OK(setresuid(-1, 1000, -1));
	CHECK_OK(getresuid(&r, &e, &s));
	CHECK_EQ(r, 0);
	CHECK_EQ(e, 1000);
	CHECK_EQ(s, 0);
	CHECK_OK(setresuid(-1, 0, -1));
	CHECK_EQ(geteuid(), 0);
	return 0;
}
