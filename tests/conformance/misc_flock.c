/* misc_flock -- flock: a second open file description conflicts with an exclusive lock. */
#include "conf.h"

int
main(void)
{
	int a, b;

	conf_enter_tmpdir();
	conf_put("f", "x");
	a = CHECK_OK(open("f", O_RDONLY));
	b = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(flock(a, LOCK_EX));
	CHECK_ERR(flock(b, LOCK_SH | LOCK_NB), EWOULDBLOCK);
	CHECK_OK(flock(a, LOCK_UN));
	CHECK_OK(flock(b, LOCK_SH | LOCK_NB));
	CHECK_OK(flock(a, LOCK_SH | LOCK_NB));
	CHECK_ERR(flock(a, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	return 0;
}
