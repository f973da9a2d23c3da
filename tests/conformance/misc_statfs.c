/* misc_statfs -- statfs and fstatfs describe the same file system with sane numbers. */
#include "conf.h"

int
main(void)
{
	struct statfs a, b;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(statfs("f", &a));
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(fstatfs(fd, &b));
	CHECK_EQ(a.f_type, b.f_type);
	CHECK(a.f_bsize > 0);
	CHECK(a.f_namelen >= 255);
	CHECK(a.f_bfree <= a.f_blocks);
	CHECK_ERR(statfs("missing", &a), ENOENT);
	return 0;
}
