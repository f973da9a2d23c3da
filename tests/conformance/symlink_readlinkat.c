/* symlink_readlinkat -- readlinkat resolves relative to dirfd. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int dfd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(symlinkat("tgt", AT_FDCWD, "d/l"));
	dfd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_EQ(readlinkat(dfd, "l", buf, sizeof(buf)), 3);
	CHECK(memcmp(buf, "tgt", 3) == 0);
	CHECK_OK(symlinkat("t2", dfd, "m"));
	CHECK_EQ(readlink("d/m", buf, sizeof(buf)), 2);
	return 0;
}
