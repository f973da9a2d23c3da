/* misc_fd_path_after_chdir -- descriptors opened by relative path keep working after chdir. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	int fd, dfd;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "abc");
	fd = CHECK_OK(open("d/f", O_RDONLY));
	dfd = CHECK_OK(open("d", O_RDONLY | O_DIRECTORY));
	CHECK_OK(chdir("/"));
	CHECK_EQ(read(fd, buf, sizeof(buf)), 3);
	CHECK_OK(close(CHECK_OK(openat(dfd, "f", O_RDONLY))));
	return 0;
}
