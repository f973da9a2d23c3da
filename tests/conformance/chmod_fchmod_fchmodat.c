/* chmod_fchmod_fchmodat -- fchmod works on an open descriptor, fchmodat relative to dirfd. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd, dfd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	fd = CHECK_OK(open("d/f", O_RDONLY));
	CHECK_OK(fchmod(fd, 0600));
	CHECK_OK(stat("d/f", &st));
	CHECK_EQ(st.st_mode & 07777, 0600);
	dfd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_OK(fchmodat(dfd, "f", 0640, 0));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_mode & 07777, 0640);
	return 0;
}
