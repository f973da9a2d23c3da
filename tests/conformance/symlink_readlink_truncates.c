/* symlink_readlink_truncates -- readlink into a short buffer returns what fits. */
#include "conf.h"

int
main(void)
{
	char buf[4];

	conf_enter_tmpdir();
	CHECK_OK(symlink("abcdefgh", "l"));
	CHECK_EQ(readlink("l", buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "abcd", 4) == 0);
	return 0;
}
