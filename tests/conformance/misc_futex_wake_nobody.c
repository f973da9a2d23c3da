/* misc_futex_wake_nobody -- FUTEX_WAKE with no waiters returns 0; an unknown op is ENOSYS. */
#include "conf.h"

int
main(void)
{
	static uint32_t word = 0;

	CHECK_EQ(syscall(SYS_futex, (long)&word, (long)FUTEX_WAKE_PRIVATE, 1L, 0L, 0L, 0L), 0);
	CHECK_ERR(syscall(SYS_futex, (long)&word, 99L, 1L, 0L, 0L, 0L), ENOSYS);
	return 0;
}
