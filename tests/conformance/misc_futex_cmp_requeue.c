/* misc_futex_cmp_requeue -- FUTEX_CMP_REQUEUE checks val3 (EAGAIN on mismatch) and returns 0 with no waiters. */
#include "conf.h"

int
main(void)
{
	static uint32_t a = 5, b = 0;

	CHECK_ERR(syscall(SYS_futex, (long)&a, (long)FUTEX_CMP_REQUEUE_PRIVATE, 1L, 1L, (long)&b, 4L), EAGAIN);
	CHECK_EQ(syscall(SYS_futex, (long)&a, (long)FUTEX_CMP_REQUEUE_PRIVATE, 1L, 1L, (long)&b, 5L), 0);
	return 0;
}
