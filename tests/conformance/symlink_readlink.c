/* symlink_readlink -- readlink returns the stored target, unterminated, with its length. */
#include "conf.h"

int
main(void)
{
	char buf[64];

	conf_enter_tmpdir();
	CHECK_OK(symlink("a/b/../c", "l"));
	memset(buf, '#', sizeof(buf));
	CHECK_EQ(readlink("l", buf, sizeof(buf)), 8);
	CHECK(memcmp(buf, "a/b/../c", 8) == 0);
	CHECK_EQ(buf[8], '#');
	return 0;
}
