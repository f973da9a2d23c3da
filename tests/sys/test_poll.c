/* test_poll.c -- poll, ppoll, select, pselect6, eventfd and epoll
 * through the public API: readiness, wake-ups from other threads,
 * timeouts and Linux's error codes. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
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
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Write one byte to fd after ms milliseconds, from another thread. */
struct later {
	int fd;
	int ms;
	pthread_t t;
};

static void *
later_main(void *arg)
{
	struct later *l = arg;

	usleep((useconds_t)l->ms * 1000);
	assert_int_equal(rump_sys_write(l->fd, "z", 1), 1);
	return NULL;
}

static void
write_later(struct later *l, int fd, int ms)
{
	l->fd = fd;
	l->ms = ms;
	assert_int_equal(pthread_create(&l->t, NULL, later_main, l), 0);
}

static void
test_poll(void **state)
{
	int fds[2];
	struct pollfd p[3];
	struct later l;
	long t0;
	char c;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	p[0] = (struct pollfd){ fds[0], POLLIN, 0 };
	p[1] = (struct pollfd){ fds[1], POLLOUT, 0 };
	p[2] = (struct pollfd){ -1, POLLIN, 0x7 };
	assert_int_equal(rump_sys_poll(p, 3, 0), 1);
	assert_int_equal(p[0].revents, 0);
	assert_int_equal(p[1].revents, POLLOUT);
	assert_int_equal(p[2].revents, 0);
	/* Times out. */
	t0 = now_ms();
	assert_int_equal(rump_sys_poll(p, 1, 50), 0);
	assert_true(now_ms() - t0 >= 45);
	/* Woken by a writer in another thread. */
	write_later(&l, fds[1], 50);
	assert_int_equal(rump_sys_poll(p, 1, 5000), 1);
	assert_int_equal(p[0].revents, POLLIN);
	pthread_join(l.t, NULL);
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 1);
	/* A closed descriptor is POLLNVAL; a closed writer is POLLHUP. */
	p[1].fd = 999;
	assert_int_equal(rump_sys_poll(p, 2, 0), 1);
	assert_int_equal(p[1].revents, POLLNVAL);
	assert_int_equal(rump_sys_close(fds[1]), 0);
	assert_int_equal(rump_sys_poll(p, 1, -1), 1);
	assert_int_equal(p[0].revents, POLLHUP);
	assert_int_equal(rump_sys_close(fds[0]), 0);
	/* Errors. */
	assert_fail(rump_sys_poll(NULL, 1, 0), EFAULT);
	assert_fail(rump_sys_poll(p, 1 << 20, 0), EINVAL);
	assert_int_equal(rump_sys_poll(NULL, 0, 10), 0);
	struct timespec ts = { 0, 2000000000L };
	assert_fail(rump_sys_ppoll(p, 1, &ts, NULL, 8), EINVAL);
	ts.tv_nsec = 1000000;
	uint64_t mask = 0;
	assert_fail(rump_sys_ppoll(p, 1, &ts, &mask, 4), EINVAL);
	assert_int_equal(rump_sys_ppoll(p, 1, &ts, &mask, 8), 1);  /* NVAL */
}

static void
test_select(void **state)
{
	int fds[2];
	fd_set r, w;
	struct timeval tv;
	struct timespec ts;
	struct later l;
	char c;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(fds[0], &r);
	FD_SET(fds[1], &w);
	tv = (struct timeval){ 0, 0 };
	assert_int_equal(rump_sys_select(fds[1] + 1, &r, &w, NULL, &tv), 1);
	assert_false(FD_ISSET(fds[0], &r));
	assert_true(FD_ISSET(fds[1], &w));
	/* Block until another thread writes. */
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	write_later(&l, fds[1], 30);
	tv = (struct timeval){ 5, 0 };
	assert_int_equal(rump_sys_select(fds[0] + 1, &r, NULL, NULL, &tv), 1);
	assert_true(FD_ISSET(fds[0], &r));
	assert_true(tv.tv_sec < 5);  /* the time left is written back */
	pthread_join(l.t, NULL);
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 1);
	/* Timeout. */
	FD_ZERO(&r);
	FD_SET(fds[0], &r);
	ts = (struct timespec){ 0, 20 * 1000 * 1000 };
	assert_int_equal(rump_sys_pselect6(fds[0] + 1, &r, NULL, NULL, &ts,
	    NULL), 0);
	assert_false(FD_ISSET(fds[0], &r));
	/* Errors. */
	FD_SET(900, &r);
	tv = (struct timeval){ 0, 0 };
	assert_fail(rump_sys_select(901, &r, NULL, NULL, &tv), EBADF);
	assert_fail(rump_sys_select(-1, NULL, NULL, NULL, &tv), EINVAL);
	assert_fail(rump_sys_select(1 << 20, NULL, NULL, NULL, &tv), EINVAL);
	tv.tv_usec = 1000000;
	assert_fail(rump_sys_select(0, NULL, NULL, NULL, &tv), EINVAL);
	assert_fail(rump_sys_select(1, (void *)16, NULL, NULL, NULL), EFAULT);
	rump_sys_close(fds[0]);
	rump_sys_close(fds[1]);
}

static void
test_eventfd(void **state)
{
	uint64_t v;
	int fd;

	(void)state;
	fd = rump_sys_eventfd2(3, EFD_NONBLOCK | EFD_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(rump_sys_read(fd, &v, 8), 8);
	assert_int_equal(v, 3);
	assert_fail(rump_sys_read(fd, &v, 8), EAGAIN);
	assert_fail(rump_sys_read(fd, &v, 4), EINVAL);
	v = 5;
	assert_int_equal(rump_sys_write(fd, &v, 8), 8);
	assert_int_equal(rump_sys_write(fd, &v, 8), 8);
	assert_int_equal(rump_sys_read(fd, &v, 8), 8);
	assert_int_equal(v, 10);
	v = UINT64_MAX;
	assert_fail(rump_sys_write(fd, &v, 8), EINVAL);
	v = UINT64_MAX - 1;
	assert_int_equal(rump_sys_write(fd, &v, 8), 8);
	v = 1;
	assert_fail(rump_sys_write(fd, &v, 8), EAGAIN);
	rump_sys_close(fd);
	fd = rump_sys_eventfd2(2, EFD_SEMAPHORE);
	assert_int_equal(rump_sys_read(fd, &v, 8), 8);
	assert_int_equal(v, 1);
	assert_int_equal(rump_sys_read(fd, &v, 8), 8);
	assert_int_equal(v, 1);
	struct pollfd p = { fd, POLLIN | POLLOUT, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 0), 1);
	assert_int_equal(p.revents, POLLOUT);
	rump_sys_close(fd);
	assert_fail(rump_sys_eventfd2(0, 0x8), EINVAL);
}

static void
test_epoll_errors(void **state)
{
	struct epoll_event ev = { EPOLLIN, { 0 } }, out[4];
	int ep, fds[2];

	(void)state;
	assert_fail(rump_sys_epoll_create1(0x1), EINVAL);
	assert_fail(rump_sys_epoll_create(0), EINVAL);
	ep = rump_sys_epoll_create1(EPOLL_CLOEXEC);
	assert_true(ep >= 0);
	assert_int_equal(rump_sys_pipe(fds), 0);
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, 999, &ev), EBADF);
	assert_fail(rump_sys_epoll_ctl(999, EPOLL_CTL_ADD, fds[0], &ev), EBADF);
	assert_fail(rump_sys_epoll_ctl(fds[1], EPOLL_CTL_ADD, fds[0], &ev),
	    EINVAL);
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	assert_fail(rump_sys_epoll_ctl(ep, 7, fds[0], &ev), EINVAL);
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], NULL), EFAULT);
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), ENOENT);
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], NULL), ENOENT);
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), 0);
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), EEXIST);
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	assert_fail(rump_sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), EINVAL);
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_DEL, fds[0], NULL), 0);
	assert_fail(rump_sys_epoll_wait(ep, out, 0, 0), EINVAL);
	assert_fail(rump_sys_epoll_wait(ep, NULL, 4, 0), EFAULT);
	assert_fail(rump_sys_epoll_wait(fds[0], out, 4, 0), EINVAL);
	assert_fail(rump_sys_epoll_wait(999, out, 4, 0), EBADF);
	/* Nesting that would loop. */
	int ep2 = rump_sys_epoll_create1(0);
	ev.events = EPOLLIN;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, ep2, &ev), 0);
	assert_fail(rump_sys_epoll_ctl(ep2, EPOLL_CTL_ADD, ep, &ev), ELOOP);
	rump_sys_close(ep2);
	rump_sys_close(ep);
	rump_sys_close(fds[0]);
	rump_sys_close(fds[1]);
}

static void
test_epoll_triggers(void **state)
{
	struct epoll_event ev, out[4];
	int ep, fds[2], efd;
	struct later l;
	char c;
	long t0;

	(void)state;
	assert_int_equal(sizeof(struct epoll_event), 12);
	ep = rump_sys_epoll_create1(0);
	assert_int_equal(rump_sys_pipe(fds), 0);
	ev.events = EPOLLIN;
	ev.data.u64 = 0x1122334455667788ULL;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, fds[0], &ev), 0);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 0);
	t0 = now_ms();
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 30), 0);
	assert_true(now_ms() - t0 >= 25);

	/* Level-triggered: reported while data remains. */
	assert_int_equal(rump_sys_write(fds[1], "ab", 2), 2);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(out[0].events, EPOLLIN);
	assert_int_equal(out[0].data.u64, 0x1122334455667788ULL);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 0);

	/* Edge-triggered: once per new arrival. */
	ev.events = EPOLLIN | EPOLLET;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	assert_int_equal(rump_sys_write(fds[1], "a", 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 0);
	assert_int_equal(rump_sys_write(fds[1], "b", 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 0);
	assert_int_equal(rump_sys_read(fds[0], out, 2), 2);

	/* One-shot: disabled after one report, re-armed by MOD. */
	ev.events = EPOLLIN | EPOLLONESHOT;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	assert_int_equal(rump_sys_write(fds[1], "a", 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(rump_sys_write(fds[1], "b", 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 0);
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(rump_sys_read(fds[0], out, 2), 2);

	/* Blocking wait woken by another thread; a second source. */
	ev.events = EPOLLIN;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_MOD, fds[0], &ev), 0);
	efd = rump_sys_eventfd2(0, 0);
	ev.data.u64 = 42;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), 0);
	write_later(&l, fds[1], 30);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 5000), 1);
	assert_int_equal(out[0].data.u64, 0x1122334455667788ULL);
	pthread_join(l.t, NULL);
	uint64_t one = 1;
	assert_int_equal(rump_sys_write(efd, &one, 8), 8);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 2);
	/* maxevents 1: one at a time, the other stays ready. */
	assert_int_equal(rump_sys_epoll_wait(ep, out, 1, 0), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 1, 0), 1);

	/* Closing the last descriptor of a watched file drops the watch. */
	assert_int_equal(rump_sys_close(efd), 0);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(out[0].data.u64, 0x1122334455667788ULL);
	/* Hang-up is reported without asking. */
	assert_int_equal(rump_sys_close(fds[1]), 0);
	assert_int_equal(rump_sys_epoll_wait(ep, out, 4, 0), 1);
	assert_int_equal(out[0].events, EPOLLIN | EPOLLHUP);
	/* Nested: an outer set watching an inner one is woken through it. */
	int outer = rump_sys_epoll_create1(0), inner = rump_sys_epoll_create1(0);
	int np[2];
	assert_int_equal(rump_sys_pipe(np), 0);
	ev.events = EPOLLIN;
	ev.data.u64 = 1;
	assert_int_equal(rump_sys_epoll_ctl(inner, EPOLL_CTL_ADD, np[0], &ev), 0);
	ev.data.u64 = 2;
	assert_int_equal(rump_sys_epoll_ctl(outer, EPOLL_CTL_ADD, inner, &ev), 0);
	assert_int_equal(rump_sys_epoll_wait(outer, out, 4, 0), 0);
	write_later(&l, np[1], 30);
	assert_int_equal(rump_sys_epoll_wait(outer, out, 4, 5000), 1);
	assert_int_equal(out[0].data.u64, 2);
	pthread_join(l.t, NULL);
	assert_int_equal(rump_sys_epoll_wait(inner, out, 4, 0), 1);
	rump_sys_close(outer);
	rump_sys_close(inner);
	rump_sys_close(np[0]);
	rump_sys_close(np[1]);
	/* An epoll instance is itself pollable. */
	struct pollfd p = { ep, POLLIN, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 0), 1);
	rump_sys_close(fds[0]);
	rump_sys_close(ep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_poll),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_eventfd),
		cmocka_unit_test(test_epoll_errors),
		cmocka_unit_test(test_epoll_triggers),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
