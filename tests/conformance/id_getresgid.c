/* id_getresgid -- setresgid sets the three gids independently; -1 keeps one. */
#include "conf.h"

int
main(void)
{
	gid_t r, e, s;

	conf_need_root();
	CHECK_OK(setresgid(11, 22, 33));
	CHECK_OK(getresgid(&r, &e, &s));
	CHECK_EQ(r, 11);
	CHECK_EQ(e, 22);
	CHECK_EQ(s, 33);
	CHECK_OK(setresgid(-1, 44, -1));
	CHECK_OK(getresgid(&r, &e, &s));
	CHECK_EQ(r, 11);
	CHECK_EQ(e, 44);
	CHECK_EQ(getegid(), 44);
	CHECK_EQ(getgid(), 11);
	return 0;
}
