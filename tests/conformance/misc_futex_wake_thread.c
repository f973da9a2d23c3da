/* misc_futex_wake_thread -- FUTEX_WAKE wakes a thread blocked in FUTEX_WAIT and reports one woken. */
#include "conf.h"

static uint32_t word;

static void *
waiter(void *arg)
{
	(void)arg;
	while (__atomic_load_n(&word, __ATOMIC_SEQ_CST) == 0)
		syscall(SYS_futex, (long)&word, (long)FUTEX_WAIT_PRIVATE, 0L, 0L, 0L, 0L);
	return NULL;
}

int
main(void)
{
	struct timespec ms = {0, 1000 * 1000};
	pthread_t t;
	long woken = 0;
	int i;

	CHECK_EQ(pthread_create(&t, NULL, waiter, NULL), 0);
	/* word stays 0 until a wake succeeds, so the waiter must block first */
	for (i = 0; i < 5000 && woken == 0; i++) {
		woken = CHECK_OK(syscall(SYS_futex, (long)&word, (long)FUTEX_WAKE_PRIVATE, 1L, 0L, 0L, 0L));
		if (woken == 0)
			CHECK_OK(nanosleep(&ms, NULL));
	}
	CHECK_EQ(woken, 1);
	__atomic_store_n(&word, 1, __ATOMIC_SEQ_CST);
	CHECK_OK(syscall(SYS_futex, (long)&word, (long)FUTEX_WAKE_PRIVATE, 1L, 0L, 0L, 0L));
	CHECK_EQ(pthread_join(t, NULL), 0);
	return 0;
}
