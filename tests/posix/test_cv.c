/* test_cv.c -- condition variables: wait/signal/broadcast, timeouts. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakehyp.h"

#define MS 1000000LL

struct waiter {
	struct rumpuser_cv *cv;
	struct rumpuser_mtx *mtx;
	volatile int *flag;
	int lwp;
	int timed;
	int rv;
	void *owner;             /* mutex_owner after the wait */
	struct fakehyp_counts d; /* upcalls during the wait */
};

static void *
waiter(void *arg)
{
	struct waiter *w = arg;
	struct fakehyp_counts before, after;

	rumpuser_curlwpop(RUMPUSER_LWP_SET, &w->lwp);
	fakehyp_enter();
	rumpuser_mutex_enter(w->mtx);
	before = fakehyp_get();
	while (*w->flag == 0) {
		if (w->timed)
			w->rv = rumpuser_cv_timedwait(w->cv, w->mtx, 10, 0);
		else
			rumpuser_cv_wait(w->cv, w->mtx);
	}
	after = fakehyp_get();
	rumpuser_mutex_owner(w->mtx, &w->owner);
	rumpuser_mutex_exit(w->mtx);
	fakehyp_leave();
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &w->lwp);
	w->d.nsched = after.nsched - before.nsched;
	w->d.nunsched = after.nunsched - before.nunsched;
	w->d.nviolation = after.nviolation - before.nviolation;
	return NULL;
}

static int
nwaiters(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx)
{
	int n;

	rumpuser_mutex_enter_nowrap(mtx);
	rumpuser_cv_has_waiters(cv, &n);
	rumpuser_mutex_exit(mtx);
	return n;
}

/*
 * Wait (bounded) until n threads sleep on cv.  The main thread of these
 * tests holds no CPU, so it uses the _nowrap calls.
 */
static void
await_waiters(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx, int n)
{
	int i;

	for (i = 0; i < 5000 && nwaiters(cv, mtx) != n; i++)
		usleep(1000);
	assert_int_equal(nwaiters(cv, mtx), n);
}

static void
run_signal(int timed)
{
	struct rumpuser_mtx *mtx;
	struct rumpuser_cv *cv;
	volatile int flag = 0;
	struct waiter w;
	pthread_t tid;

	rumpuser_mutex_init(&mtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_cv_init(&cv);
	w = (struct waiter){ .cv = cv, .mtx = mtx, .flag = &flag,
	    .timed = timed, .rv = -1 };
	assert_int_equal(nwaiters(cv, mtx), 0);
	pthread_create(&tid, NULL, waiter, &w);
	await_waiters(cv, mtx, 1);
	rumpuser_mutex_enter_nowrap(mtx);
	flag = 1;
	rumpuser_cv_signal(cv);
	rumpuser_mutex_exit(mtx);
	pthread_join(tid, NULL);
	assert_int_equal(nwaiters(cv, mtx), 0);
	/* One wait: the CPU released and taken back once, owner restored. */
	assert_int_equal(w.d.nunsched, 1);
	assert_int_equal(w.d.nsched, 1);
	assert_int_equal(w.d.nviolation, 0);
	assert_ptr_equal(w.owner, &w.lwp);
	if (timed)
		assert_int_equal(w.rv, 0);
	rumpuser_cv_destroy(cv);
	rumpuser_mutex_destroy(mtx);
}

static void
test_signal(void **state)
{
	(void)state;
	run_signal(0);
	run_signal(1);
}

#define NWAITERS 5

static void
test_broadcast(void **state)
{
	struct rumpuser_mtx *mtx;
	struct rumpuser_cv *cv;
	struct waiter w[NWAITERS];
	pthread_t tids[NWAITERS];
	volatile int flag = 0;
	int i;

	(void)state;
	rumpuser_mutex_init(&mtx, 0);
	rumpuser_cv_init(&cv);
	for (i = 0; i < NWAITERS; i++) {
		w[i] = (struct waiter){ .cv = cv, .mtx = mtx, .flag = &flag };
		pthread_create(&tids[i], NULL, waiter, &w[i]);
	}
	await_waiters(cv, mtx, NWAITERS);
	rumpuser_mutex_enter_nowrap(mtx);
	flag = 1;
	rumpuser_cv_broadcast(cv);
	rumpuser_mutex_exit(mtx);
	for (i = 0; i < NWAITERS; i++)
		pthread_join(tids[i], NULL);
	assert_int_equal(nwaiters(cv, mtx), 0);
	rumpuser_cv_destroy(cv);
	rumpuser_mutex_destroy(mtx);
}

static void
test_timedwait_timeout(void **state)
{
	struct rumpuser_mtx *mtx;
	struct rumpuser_cv *cv;
	struct fakehyp_counts c;
	int64_t t0, t;
	void *owner;
	int lwp;

	(void)state;
	rumpuser_mutex_init(&mtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_cv_init(&cv);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp);
	fakehyp_enter();
	rumpuser_mutex_enter(mtx);
	fakehyp_reset();
	t0 = fakehyp_now_ns();
	assert_int_equal(rumpuser_cv_timedwait(cv, mtx, 0, 50 * MS), ETIMEDOUT);
	t = fakehyp_now_ns() - t0;
	c = fakehyp_get();
	assert_true(t >= 50 * MS && t < 250 * MS);
	assert_int_equal(c.nunsched, 1);
	assert_int_equal(c.nsched, 1);
	assert_int_equal(c.nviolation, 0);
	rumpuser_mutex_owner(mtx, &owner);
	assert_ptr_equal(owner, &lwp);

	/* Zero and negative times have run out already. */
	assert_int_equal(rumpuser_cv_timedwait(cv, mtx, 0, 0), ETIMEDOUT);
	assert_int_equal(rumpuser_cv_timedwait(cv, mtx, -5, 0), ETIMEDOUT);
	assert_int_equal(rumpuser_cv_timedwait(cv, mtx, 0, 1000000000), EINVAL);
	assert_int_equal(rumpuser_cv_timedwait(cv, mtx, 0, -1), EINVAL);
	/* Still ours after all that. */
	assert_int_equal(rumpuser_mutex_tryenter(mtx), EBUSY);
	rumpuser_mutex_exit(mtx);
	fakehyp_leave();
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp);
	rumpuser_cv_destroy(cv);
	rumpuser_mutex_destroy(mtx);
}

struct nowrapper {
	struct rumpuser_cv *cv;
	struct rumpuser_mtx *mtx;
	volatile int flag;
	struct fakehyp_counts c;
};

static void *
nowrap_waiter(void *arg)
{
	struct nowrapper *n = arg;
	struct fakehyp_counts before, after;

	before = fakehyp_get();
	rumpuser_mutex_enter_nowrap(n->mtx);
	while (!n->flag)
		rumpuser_cv_wait_nowrap(n->cv, n->mtx);
	rumpuser_mutex_exit(n->mtx);
	after = fakehyp_get();
	n->c.nsched = after.nsched - before.nsched;
	n->c.nunsched = after.nunsched - before.nunsched;
	return NULL;
}

static void
test_cv_wait_nowrap(void **state)
{
	struct nowrapper n = { 0 };
	pthread_t tid;

	(void)state;
	rumpuser_mutex_init(&n.mtx, 0);
	rumpuser_cv_init(&n.cv);
	pthread_create(&tid, NULL, nowrap_waiter, &n);
	await_waiters(n.cv, n.mtx, 1);
	rumpuser_mutex_enter_nowrap(n.mtx);
	n.flag = 1;
	rumpuser_cv_signal(n.cv);
	rumpuser_mutex_exit(n.mtx);
	pthread_join(tid, NULL);
	assert_int_equal(n.c.nsched, 0);
	assert_int_equal(n.c.nunsched, 0);
	rumpuser_cv_destroy(n.cv);
	rumpuser_mutex_destroy(n.mtx);
}

/*
 * One virtual CPU, a spin mutex and a cv: the signaller keeps its CPU
 * and takes the spin mutex again right away.  A waiter that took the
 * mutex before the CPU would hold it while the CPU holder spins on it:
 * deadlock.  The alarm turns a hang into a failure.
 */
struct spinner {
	struct rumpuser_mtx *mtx;
	struct rumpuser_cv *cv;
	volatile int turn; /* 0: waiter's, 1: signaller's */
	int rounds;
};

#define SPIN_ROUNDS 2000

static void *
spin_waiter(void *arg)
{
	struct spinner *s = arg;
	int i;

	fakehyp_enter();
	for (i = 0; i < SPIN_ROUNDS; i++) {
		rumpuser_mutex_enter(s->mtx);
		while (s->turn != 0)
			rumpuser_cv_wait(s->cv, s->mtx);
		s->turn = 1;
		rumpuser_cv_signal(s->cv);
		rumpuser_mutex_exit(s->mtx);
	}
	fakehyp_leave();
	return NULL;
}

static void *
spin_signaller(void *arg)
{
	struct spinner *s = arg;
	int i;

	fakehyp_enter();
	for (i = 0; i < SPIN_ROUNDS; i++) {
		rumpuser_mutex_enter(s->mtx);
		while (s->turn != 1)
			rumpuser_cv_wait(s->cv, s->mtx);
		s->turn = 0;
		s->rounds++;
		rumpuser_cv_signal(s->cv);
		rumpuser_mutex_exit(s->mtx);
	}
	fakehyp_leave();
	return NULL;
}

static void
run_pingpong(int flags)
{
	struct spinner s = { 0 };
	pthread_t a, b;

	rumpuser_mutex_init(&s.mtx, flags);
	rumpuser_cv_init(&s.cv);
	alarm(30);
	pthread_create(&a, NULL, spin_waiter, &s);
	pthread_create(&b, NULL, spin_signaller, &s);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	alarm(0);
	assert_int_equal(s.rounds, SPIN_ROUNDS);
	rumpuser_cv_destroy(s.cv);
	rumpuser_mutex_destroy(s.mtx);
}

static void
test_one_cpu_pingpong(void **state)
{
	(void)state;
	run_pingpong(RUMPUSER_MTX_SPIN);
	run_pingpong(RUMPUSER_MTX_KMUTEX);
	assert_int_equal(fakehyp_get().nviolation, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signal),
		cmocka_unit_test(test_broadcast),
		cmocka_unit_test(test_timedwait_timeout),
		cmocka_unit_test(test_cv_wait_nowrap),
		cmocka_unit_test(test_one_cpu_pingpong),
	};

	/* One virtual CPU: hyp_schedule really waits for it. */
	fakehyp_init(1);
	return cmocka_run_group_tests_name("posix_cv", tests, NULL, NULL);
}
