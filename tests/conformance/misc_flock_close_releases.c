/* misc_flock_close_releases -- closing the last descriptor of the locking file releases the lock. */
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
	CHECK_OK(close(a));
	CHECK_OK(flock(b, LOCK_EX | LOCK_NB));
	return 0;
}
