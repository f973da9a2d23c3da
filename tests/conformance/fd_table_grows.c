/* fd_table_grows -- a process can hold 1000 descriptors and they are numbered densely. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;
	int fd, i;

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	if (rl.rlim_cur < 1100) {
		if (rl.rlim_max < 1100)
			conf_skip("RLIMIT_NOFILE hard limit below 1100");
		rl.rlim_cur = 1100;
		CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	}
	for (i = 3; i < 1003; i++) {
		fd = CHECK_OK(dup(0));
		CHECK_EQ(fd, i);
	}
	CHECK_EQ(dup2(0, 1050), 1050);
	for (i = 3; i < 1003; i++)
		CHECK_OK(close(i));
	CHECK_EQ(dup(0), 3);
	return 0;
}
