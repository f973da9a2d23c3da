/* rlimit_fsize_efbig -- writing past RLIMIT_FSIZE fails with EFBIG (SIGXFSZ ignored); up to it is a short write. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl = {1000, 1000};
	static char buf[2000];
	int fd;

	signal(SIGXFSZ, SIG_IGN);
	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(setrlimit(RLIMIT_FSIZE, &rl));
	CHECK_EQ(write(fd, buf, sizeof(buf)), 1000);
	CHECK_ERR(write(fd, buf, 1), EFBIG);
	CHECK_ERR(pwrite(fd, buf, 1, 5000), EFBIG);
	return 0;
}
