/* misc_futex_bitset -- FUTEX_WAIT_BITSET with bitset 0 fails with EINVAL; a timed wait with an absolute time times out. */
#include "conf.h"

int
main(void)
{
	static uint32_t word = 0;
	struct timespec now, when;

	CHECK_ERR(syscall(SYS_futex, (long)&word, (long)FUTEX_WAIT_BITSET_PRIVATE, 0L, 0L, 0L, 0L), EINVAL);
	CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &now));
	when = now;
	when.tv_nsec += 30 * 1000 * 1000;
	if (when.tv_nsec >= 1000000000) {
		when.tv_sec++;
		when.tv_nsec -= 1000000000;
	}
	CHECK_ERR(syscall(SYS_futex, (long)&word, (long)FUTEX_WAIT_BITSET_PRIVATE, 0L, (long)&when, 0L, (long)FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	CHECK(conf_now_ns() >= (long long)when.tv_sec * 1000000000LL + when.tv_nsec);
	return 0;
}
