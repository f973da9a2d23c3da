/* id_setgroups_getgroups -- root sets supplementary groups; getgroups(0) counts them. */
#include "conf.h"

int
main(void)
{
	gid_t set[3] = {10, 20, 30}, got[8];

	conf_need_root();
	CHECK_OK(setgroups(3, set));
	CHECK_EQ(getgroups(0, NULL), 3);
	CHECK_EQ(getgroups(8, got), 3);
	CHECK_EQ(got[0], 10);
	CHECK_EQ(got[2], 30);
	CHECK_ERR(getgroups(1, got), EINVAL);
	return 0;
}
