/* dev_mknod_null -- a node made with mknod(S_IFCHR, 1:3) behaves as /dev/null. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char c;
	int fd;

	conf_need_root();
	conf_enter_tmpdir();
	CHECK_OK(mknod("mynull", S_IFCHR | 0666, makedev(1, 3)));
	CHECK_OK(stat("mynull", &st));
	CHECK(S_ISCHR(st.st_mode));
	CHECK_EQ(st.st_rdev, makedev(1, 3));
	fd = open("mynull", O_RDWR);
	if (CONF_NATIVE && fd == -1 && errno == EACCES)
		conf_skip("the scratch directory is mounted nodev");
	CHECK(fd >= 0);
	CHECK_EQ(write(fd, "x", 1), 1);
	CHECK_EQ(read(fd, &c, 1), 0);
	return 0;
}
