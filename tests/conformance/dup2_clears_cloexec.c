/* dup2_clears_cloexec -- the descriptor made by dup2 never has FD_CLOEXEC. */
#include "conf.h"

int
main(void)
{
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY | O_CLOEXEC));
	CHECK_EQ(dup3(fd, 20, O_CLOEXEC), 20);
	CHECK_EQ(dup2(fd, 20), 20);
	CHECK_EQ(fcntl(20, F_GETFD), 0);
	return 0;
}
