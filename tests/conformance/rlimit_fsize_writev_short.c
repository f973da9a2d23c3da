/* rlimit_fsize_writev_short -- a writev crossing RLIMIT_FSIZE writes up to it across vectors; an append write at the limit is EFBIG. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl = {10, 10};
	struct iovec v[2] = {{"abcd", 4}, {"efghij", 6}};
	char buf[16];
	int fd;

	signal(SIGXFSZ, SIG_IGN);
	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT | O_APPEND, 0644));
	CHECK_OK(setrlimit(RLIMIT_FSIZE, &rl));
	CHECK_EQ(write(fd, "012", 3), 3);
	CHECK_EQ(writev(fd, v, 2), 7);
	CHECK_ERR(write(fd, "x", 1), EFBIG);
	/* Zero bytes at the limit are no error. */
	CHECK_EQ(write(fd, "", 0), 0);
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 10);
	CHECK(memcmp(buf, "012abcdefg", 10) == 0);
	return 0;
}
