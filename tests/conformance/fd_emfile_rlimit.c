/* fd_emfile_rlimit -- with RLIMIT_NOFILE lowered, the next open fails with EMFILE. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;
	int fd, last = -1, p[2];

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	rl.rlim_cur = 16;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	while ((fd = open("f", O_RDONLY)) != -1)
		last = fd;
	CHECK_EQ(errno, EMFILE);
	CHECK_EQ(last, 15);
	CHECK_ERR(dup(0), EMFILE);
	CHECK_ERR(pipe(p), EMFILE);
	CHECK_ERR(fcntl(0, F_DUPFD, 0), EMFILE);
	CHECK_OK(close(7));
	CHECK_EQ(dup(0), 7);
	return 0;
}
