/* test_futex.c -- futex through the public API, with threads: wait and
 * wake, bitsets, timeouts, requeue, and a mutex built on it; plus
 * blocking pipes between threads. */
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define assert_fail(call, e)                                            \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

static long
fwait(uint32_t *w, uint32_t val, const struct timespec *ts)
{
	return rump_sys_futex(w, FUTEX_WAIT_PRIVATE, val, ts, NULL, 0);
}

static long
fwake(uint32_t *w, int n)
{
	return rump_sys_futex(w, FUTEX_WAKE_PRIVATE, (uint32_t)n, NULL, NULL, 0);
}

static void
test_futex_errors(void **state)
{
	uint32_t w = 1;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	struct timespec t0, t1;

	(void)state;
	assert_fail(fwait(&w, 2, NULL), EAGAIN);
	assert_fail(fwait(NULL, 0, NULL), EFAULT);
	assert_fail(fwait((uint32_t *)((char *)&w + 1), 1, NULL), EINVAL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_fail(fwait(&w, 1, &ts), ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true((t1.tv_sec - t0.tv_sec) * 1000000000L +
	    (t1.tv_nsec - t0.tv_nsec) >= 10 * 1000 * 1000);
	ts.tv_nsec = -1;
	assert_fail(fwait(&w, 1, &ts), EINVAL);
	assert_int_equal(fwake(&w, 1), 0);
	assert_fail(rump_sys_futex(&w, FUTEX_WAIT_BITSET, 1, NULL, NULL, 0),
	    EINVAL);
	assert_fail(rump_sys_futex(&w, FUTEX_WAKE_BITSET, 1, NULL, NULL, 0),
	    EINVAL);
	assert_fail(rump_sys_futex(&w, FUTEX_CMP_REQUEUE, 1, (void *)1, &w, 9),
	    EAGAIN);
	/* WAKE_OP: *uaddr2 += 5, then wake on uaddr2 if the old value was 1. */
	uint32_t w2 = 1;
	assert_int_equal(rump_sys_futex(&w, FUTEX_WAKE_OP_PRIVATE, 1, (void *)1,
	    &w2, (FUTEX_OP_ADD << 28) | (FUTEX_OP_CMP_EQ << 24) | (5 << 12) | 1),
	    0);
	assert_int_equal(w2, 6);
	assert_fail(rump_sys_futex(&w, FUTEX_LOCK_PI, 0, NULL, NULL, 0), ENOSYS);
	/* An absolute deadline in the past. */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	assert_fail(rump_sys_futex(&w, FUTEX_WAIT_BITSET_PRIVATE, 1, &ts, NULL,
	    FUTEX_BITSET_MATCH_ANY), ETIMEDOUT);
	clock_gettime(CLOCK_REALTIME, &ts);
	assert_fail(rump_sys_futex(&w, FUTEX_WAIT_BITSET_PRIVATE |
	    FUTEX_CLOCK_REALTIME, 1, &ts, NULL, FUTEX_BITSET_MATCH_ANY),
	    ETIMEDOUT);
}

static uint32_t word;
static int woken, started;

static void *
waiter(void *arg)
{
	uint32_t bits = (uint32_t)(uintptr_t)arg;
	long r;

	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	do
		r = rump_sys_futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, NULL,
		    NULL, bits);
	while (r == -1 && errno == EINTR);
	if (r == 0)
		__atomic_add_fetch(&woken, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/*
 * Wait until n waiters have started and then a while, so they sleep in
 * the kernel (nothing can count sleepers without waking them).
 */
static void
settle(int n)
{
	while (__atomic_load_n(&started, __ATOMIC_SEQ_CST) < n)
		usleep(1000);
	usleep(100 * 1000);
}

static void
test_futex_wake(void **state)
{
	pthread_t t[4];

	(void)state;
	word = 0;
	woken = started = 0;
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, waiter,
		    (void *)(uintptr_t)(i < 2 ? 1 : 2));
	settle(4);
	/* Bitsets select who wakes. */
	assert_int_equal(rump_sys_futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 10,
	    NULL, NULL, 2), 2);
	usleep(100 * 1000);
	assert_int_equal(__atomic_load_n(&woken, __ATOMIC_SEQ_CST), 2);
	assert_int_equal(fwake(&word, 1), 1);
	assert_int_equal(fwake(&word, 10), 1);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(woken, 4);
}

static uint32_t word2;

static void
test_futex_requeue(void **state)
{
	pthread_t t[3];

	(void)state;
	word = 0;
	woken = started = 0;
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, waiter,
		    (void *)(uintptr_t)FUTEX_BITSET_MATCH_ANY);
	settle(3);
	/* Wake one, move the other two to word2. */
	assert_int_equal(rump_sys_futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1,
	    (void *)2, &word2, 0), 3);
	assert_int_equal(fwake(&word, 10), 0);
	assert_int_equal(fwake(&word2, 10), 2);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(woken, 3);
}

/* A mutex on a futex (Drepper's "futexes are tricky", 0/1/2 states). */
static uint32_t lockword;
static long counter;

static void
lock(void)
{
	uint32_t c = 0;

	if (__atomic_compare_exchange_n(&lockword, &c, 1, 0, __ATOMIC_ACQUIRE,
	    __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(&lockword, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		fwait(&lockword, 2, NULL);
		c = __atomic_exchange_n(&lockword, 2, __ATOMIC_ACQUIRE);
	}
}

static void
unlock(void)
{
	if (__atomic_fetch_sub(&lockword, 1, __ATOMIC_RELEASE) != 1) {
		__atomic_store_n(&lockword, 0, __ATOMIC_RELEASE);
		fwake(&lockword, 1);
	}
}

static void *
locker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20000; i++) {
		lock();
		counter++;
		unlock();
	}
	return NULL;
}

static void
test_futex_mutex(void **state)
{
	pthread_t t[4];

	(void)state;
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, locker, NULL);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(counter, 4 * 20000);
}

/* Pipes between threads: everything written arrives, in order, and
 * small writes are never split. */
#define PIPE_TOTAL (4 * 1024 * 1024)

static void *
pipe_writer(void *arg)
{
	int fd = (int)(intptr_t)arg;
	unsigned char buf[3000];
	size_t sent = 0;

	while (sent < PIPE_TOTAL) {
		size_t n = PIPE_TOTAL - sent < sizeof(buf) ? PIPE_TOTAL - sent : sizeof(buf);
		for (size_t i = 0; i < n; i++)
			buf[i] = (unsigned char)((sent + i) % 251);
		long r = rump_sys_write(fd, buf, n);
		assert_int_equal(r, (long)n);  /* <= PIPE_BUF: whole */
		sent += n;
	}
	rump_sys_close(fd);
	return NULL;
}

static void
test_pipe_threads(void **state)
{
	int fds[2];
	pthread_t t;
	unsigned char buf[7777];
	size_t got = 0;
	long r;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	pthread_create(&t, NULL, pipe_writer, (void *)(intptr_t)fds[1]);
	while ((r = rump_sys_read(fds[0], buf, sizeof(buf))) > 0) {
		for (long i = 0; i < r; i++)
			if (buf[i] != (unsigned char)((got + (size_t)i) % 251))
				fail_msg("byte %zu corrupt", got + (size_t)i);
		got += (size_t)r;
	}
	assert_int_equal(r, 0);
	assert_int_equal(got, PIPE_TOTAL);
	pthread_join(t, NULL);
	rump_sys_close(fds[0]);
}

static int blocked_fd;

static void *
pipe_closer(void *arg)
{
	(void)arg;
	usleep(50 * 1000);
	rump_sys_close(blocked_fd);
	return NULL;
}

static void
test_pipe_block_epipe(void **state)
{
	int fds[2];
	pthread_t t;
	static char big[128 * 1024];
	long r;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	/* A writer blocked on a full pipe sees EPIPE-less partial success
	 * or EPIPE when the reader goes away. */
	blocked_fd = fds[0];
	pthread_create(&t, NULL, pipe_closer, NULL);
	r = rump_sys_write(fds[1], big, sizeof(big));
	assert_true(r == 65536 || (r == -1 && errno == EPIPE));
	pthread_join(t, NULL);
	assert_fail(rump_sys_write(fds[1], big, 1), EPIPE);
	/* Non-blocking: EAGAIN when full, small writes all-or-nothing. */
	assert_int_equal(rump_sys_pipe2(fds, O_NONBLOCK), 0);
	assert_int_equal(rump_sys_write(fds[1], big, 65536 - 100), 65536 - 100);
	assert_fail(rump_sys_write(fds[1], big, 200), EAGAIN);
	assert_int_equal(rump_sys_write(fds[1], big, 5000), 100);
	assert_fail(rump_sys_write(fds[1], big, 1), EAGAIN);
	rump_sys_close(fds[0]);
	rump_sys_close(fds[1]);
}

/* set_tid_address: the word is cleared and woken when the lwp ends. */
static uint32_t tidword = 1;
static long tid_before, tid_after;

static void *
tid_thread(void *arg)
{
	(void)arg;
	tid_before = rump_sys_set_tid_address((int *)&tidword);
	__atomic_store_n(&tidword, (uint32_t)tid_before, __ATOMIC_SEQ_CST);
	usleep(50 * 1000);
	rump_sys_exit(0);           /* this lwp ends; the thread goes on */
	tid_after = rump_sys_gettid();
	return NULL;
}

static void
test_exit_cleartid(void **state)
{
	pthread_t t;
	uint32_t v;

	(void)state;
	tidword = 0;
	pthread_create(&t, NULL, tid_thread, NULL);
	while ((v = __atomic_load_n(&tidword, __ATOMIC_SEQ_CST)) == 0)
		usleep(1000);
	/* Sleeps until the exit clears the word and wakes us. */
	while ((v = __atomic_load_n(&tidword, __ATOMIC_SEQ_CST)) != 0)
		fwait(&tidword, v, NULL);
	pthread_join(t, NULL);
	assert_true(tid_before > 0);
	assert_true(tid_after > 0 && tid_after != tid_before);
}

/* A robust mutex held by a thread that exits: owner-died is set. */
struct rmutex {
	struct robust_list link;
	uint32_t word;
};
static struct robust_list_head rhead;
static struct rmutex rm;

static void *
robust_thread(void *arg)
{
	(void)arg;
	rhead.list.next = &rm.link;
	rm.link.next = &rhead.list;
	rhead.futex_offset = offsetof(struct rmutex, word);
	rm.word = (uint32_t)rump_sys_gettid() | FUTEX_WAITERS;
	assert_int_equal(rump_sys_set_robust_list(&rhead, sizeof(rhead)), 0);
	assert_fail(rump_sys_set_robust_list(&rhead, 7), EINVAL);
	rump_sys_exit(0);
	return NULL;
}

static void
test_robust_list(void **state)
{
	pthread_t t;

	(void)state;
	pthread_create(&t, NULL, robust_thread, NULL);
	pthread_join(t, NULL);
	assert_int_equal(rm.word, FUTEX_OWNER_DIED | FUTEX_WAITERS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_futex_errors),
		cmocka_unit_test(test_futex_wake),
		cmocka_unit_test(test_futex_requeue),
		cmocka_unit_test(test_futex_mutex),
		cmocka_unit_test(test_pipe_threads),
		cmocka_unit_test(test_pipe_block_epipe),
		cmocka_unit_test(test_exit_cleartid),
		cmocka_unit_test(test_robust_list),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
