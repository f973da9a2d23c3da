/* dup_shares_offset_flags -- a duplicate shares offset and status flags, not FD_CLOEXEC. */
#include "conf.h"

int
main(void)
{
	int a, b;

	conf_enter_tmpdir();
	conf_put("f", "0123456789");
	a = CHECK_OK(open("f", O_RDONLY | O_CLOEXEC));
	b = CHECK_OK(dup(a));
	CHECK_EQ(lseek(a, 4, SEEK_SET), 4);
	CHECK_EQ(lseek(b, 0, SEEK_CUR), 4);
	CHECK_OK(fcntl(a, F_SETFL, O_NONBLOCK));
	CHECK(fcntl(b, F_GETFL) & O_NONBLOCK);
	CHECK_EQ(fcntl(a, F_GETFD), FD_CLOEXEC);
	CHECK_EQ(fcntl(b, F_GETFD), 0);
	return 0;
}
