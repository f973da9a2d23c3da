/* rlimit_fsize_truncate -- growing a file past RLIMIT_FSIZE with truncate, ftruncate or fallocate is EFBIG; shrinking is not. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl = {4096, 4096};
	struct stat st;
	int fd;

	signal(SIGXFSZ, SIG_IGN);
	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_OK(ftruncate(fd, 10000));
	CHECK_OK(setrlimit(RLIMIT_FSIZE, &rl));
	/* Shrinking, even to a size still past the limit, is allowed. */
	CHECK_OK(ftruncate(fd, 8000));
	CHECK_ERR(ftruncate(fd, 9000), EFBIG);
	CHECK_ERR(truncate("f", 9000), EFBIG);
	CHECK_OK(ftruncate(fd, 100));
	CHECK_OK(truncate("f", 4096));
	CHECK_ERR(ftruncate(fd, 4097), EFBIG);
	CHECK_ERR(fallocate(fd, 0, 4000, 200), EFBIG);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 4096);
	return 0;
}
