/* stat_fstatat_nofollow -- fstatat follows symlinks unless AT_SYMLINK_NOFOLLOW. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int dfd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	CHECK_OK(symlink("f", "d/l"));
	dfd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_OK(fstatat(dfd, "l", &st, 0));
	CHECK(S_ISREG(st.st_mode));
	CHECK_OK(fstatat(dfd, "l", &st, AT_SYMLINK_NOFOLLOW));
	CHECK(S_ISLNK(st.st_mode));
	CHECK_ERR(fstatat(dfd, "l", &st, 0x12345000), EINVAL);
	return 0;
}
