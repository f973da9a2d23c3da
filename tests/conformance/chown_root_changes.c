/* chown_root_changes -- root changes owner and group; -1 keeps a field. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(chown("f", 123, 456));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_uid, 123);
	CHECK_EQ(st.st_gid, 456);
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(fchown(fd, -1, 789));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_uid, 123);
	CHECK_EQ(st.st_gid, 789);
	CHECK_OK(fchownat(AT_FDCWD, "f", 7, -1, 0));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_uid, 7);
	CHECK_EQ(st.st_gid, 789);
	return 0;
}
