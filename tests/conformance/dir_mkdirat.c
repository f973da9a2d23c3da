/* dir_mkdirat -- mkdirat creates relative to dirfd; EBADF for a bad dirfd. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int dfd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	dfd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_OK(mkdirat(dfd, "sub", 0755));
	CHECK_OK(stat("d/sub", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_ERR(mkdirat(123, "x", 0755), EBADF);
	return 0;
}
