/* misc_futex_wait_timeout -- FUTEX_WAIT with a timeout and no waker fails with ETIMEDOUT. */
#include "conf.h"

int
main(void)
{
	static uint32_t word = 0;
	struct timespec ts = {0, 50 * 1000 * 1000};
	long long t0;

	t0 = conf_now_ns();
	CHECK_ERR(syscall(SYS_futex, (long)&word, (long)FUTEX_WAIT_PRIVATE, 0L, (long)&ts, 0L, 0L), ETIMEDOUT);
	CHECK(conf_now_ns() - t0 >= 50 * 1000 * 1000);
	return 0;
}
