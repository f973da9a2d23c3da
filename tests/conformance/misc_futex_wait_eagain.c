/* misc_futex_wait_eagain -- FUTEX_WAIT on a word that differs from val fails with EAGAIN. */
#include "conf.h"

int
main(void)
{
	static uint32_t word = 1;

	CHECK_ERR(syscall(SYS_futex, (long)&word, (long)FUTEX_WAIT_PRIVATE, 0L, 0L, 0L, 0L), EAGAIN);
	return 0;
}
