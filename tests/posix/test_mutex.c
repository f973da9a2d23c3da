/* test_mutex.c -- mutex semantics, owner tracking and CPU discipline. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakehyp.h"

enum how { ENTER, ENTER_NOWRAP };

struct contender {
	struct rumpuser_mtx *mtx;
	enum how how;
	int withcpu;
	int lwp;                  /* its address is the thread's lwp */
	void *owner;              /* mutex_owner seen while holding */
	struct fakehyp_counts d;  /* upcalls made by the enter */
	volatile int holding;
};

static void *
contend(void *arg)
{
	struct contender *c = arg;
	struct fakehyp_counts before, after;

	rumpuser_curlwpop(RUMPUSER_LWP_SET, &c->lwp);
	if (c->withcpu)
		fakehyp_enter();
	before = fakehyp_get();
	if (c->how == ENTER)
		rumpuser_mutex_enter(c->mtx);
	else
		rumpuser_mutex_enter_nowrap(c->mtx);
	after = fakehyp_get();
	c->holding = 1;
	rumpuser_mutex_owner(c->mtx, &c->owner);
	rumpuser_mutex_exit(c->mtx);
	if (c->withcpu)
		fakehyp_leave();
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &c->lwp);
	c->d.nsched = after.nsched - before.nsched;
	c->d.nunsched = after.nunsched - before.nunsched;
	c->d.nviolation = after.nviolation - before.nviolation;
	return NULL;
}

/* Hold mtx while a contender tries it the given way; return its view. */
static void
run_contended(struct contender *c, int flags, enum how how, int withcpu)
{
	pthread_t tid;

	rumpuser_mutex_init(&c->mtx, flags);
	c->how = how;
	c->withcpu = withcpu;
	c->holding = 0;
	rumpuser_mutex_enter(c->mtx);
	assert_int_equal(pthread_create(&tid, NULL, contend, c), 0);
	fakehyp_msleep(50);
	assert_int_equal(c->holding, 0);
	rumpuser_mutex_exit(c->mtx);
	pthread_join(tid, NULL);
	assert_int_equal(c->holding, 1);
	rumpuser_mutex_destroy(c->mtx);
}

static void
test_uncontended(void **state)
{
	struct rumpuser_mtx *mtx;
	struct fakehyp_counts c;

	(void)state;
	rumpuser_mutex_init(&mtx, RUMPUSER_MTX_KMUTEX);
	fakehyp_enter();
	fakehyp_reset();
	rumpuser_mutex_enter(mtx);
	rumpuser_mutex_exit(mtx);
	assert_int_equal(rumpuser_mutex_tryenter(mtx), 0);
	rumpuser_mutex_exit(mtx);
	rumpuser_mutex_enter_nowrap(mtx);
	rumpuser_mutex_exit(mtx);
	c = fakehyp_get();
	fakehyp_leave();
	assert_int_equal(c.nsched, 0);
	assert_int_equal(c.nunsched, 0);
	rumpuser_mutex_destroy(mtx);
}

static void
test_contended_enter(void **state)
{
	struct contender c;

	(void)state;
	run_contended(&c, RUMPUSER_MTX_KMUTEX, ENTER, 1);
	assert_int_equal(c.d.nunsched, 1);
	assert_int_equal(c.d.nsched, 1);
	assert_int_equal(c.d.nviolation, 0);
	assert_ptr_equal(c.owner, &c.lwp);
}

static void
test_contended_spin(void **state)
{
	struct contender c;

	(void)state;
	run_contended(&c, RUMPUSER_MTX_SPIN | RUMPUSER_MTX_KMUTEX, ENTER, 1);
	assert_int_equal(c.d.nunsched, 0);
	assert_int_equal(c.d.nsched, 0);
	assert_ptr_equal(c.owner, &c.lwp);
}

static void
test_contended_nowrap(void **state)
{
	struct contender c;

	(void)state;
	run_contended(&c, RUMPUSER_MTX_KMUTEX, ENTER_NOWRAP, 0);
	assert_int_equal(c.d.nunsched, 0);
	assert_int_equal(c.d.nsched, 0);
	assert_int_equal(c.d.nviolation, 0);
	run_contended(&c, RUMPUSER_MTX_SPIN, ENTER_NOWRAP, 0);
	assert_int_equal(c.d.nunsched, 0);
}

static void *
try_from_other(void *arg)
{
	int error = rumpuser_mutex_tryenter(arg);

	if (error == 0)
		rumpuser_mutex_exit(arg);
	return (void *)(intptr_t)error;
}

static void
test_tryenter_owner(void **state)
{
	struct rumpuser_mtx *kmtx, *mtx;
	pthread_t tid;
	void *rv, *owner;
	int lwp;

	(void)state;
	rumpuser_mutex_init(&kmtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_mutex_init(&mtx, 0);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp);

	assert_int_equal(rumpuser_mutex_tryenter(kmtx), 0);
	rumpuser_mutex_owner(kmtx, &owner);
	assert_ptr_equal(owner, &lwp);
	pthread_create(&tid, NULL, try_from_other, kmtx);
	pthread_join(tid, &rv);
	assert_int_equal((intptr_t)rv, EBUSY);
	rumpuser_mutex_exit(kmtx);
	rumpuser_mutex_owner(kmtx, &owner);
	assert_null(owner);
	pthread_create(&tid, NULL, try_from_other, kmtx);
	pthread_join(tid, &rv);
	assert_int_equal((intptr_t)rv, 0);
	rumpuser_mutex_destroy(kmtx);

	/* Only KMUTEX mutexes report an owner. */
	rumpuser_mutex_enter(mtx);
	rumpuser_mutex_owner(mtx, &owner);
	assert_null(owner);
	rumpuser_mutex_exit(mtx);
	rumpuser_mutex_destroy(mtx);
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp);
}

/* Destroying a held mutex is a kernel bug: the host aborts. */
static void
test_destroy_held(void **state)
{
	struct rlimit nocore = { 0, 0 };
	struct rumpuser_mtx *mtx;
	int status;
	pid_t pid;

	(void)state;
	fflush(NULL);
	if ((pid = fork()) == 0) {
		setrlimit(RLIMIT_CORE, &nocore);
		close(2);
		rumpuser_mutex_init(&mtx, 0);
		rumpuser_mutex_enter(mtx);
		rumpuser_mutex_destroy(mtx);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

#define NTHREADS 4
#define NLOOPS 200000

struct stress {
	struct rumpuser_mtx *mtx;
	long counter;
};

static void *
stress_thread(void *arg)
{
	struct stress *s = arg;
	int i;

	fakehyp_enter();
	for (i = 0; i < NLOOPS; i++) {
		rumpuser_mutex_enter(s->mtx);
		s->counter++;
		rumpuser_mutex_exit(s->mtx);
	}
	fakehyp_leave();
	return NULL;
}

static void
test_exclusion(void **state)
{
	static const int flavours[] = { 0, RUMPUSER_MTX_KMUTEX,
	    RUMPUSER_MTX_SPIN };
	pthread_t tids[NTHREADS];
	struct stress s;
	size_t f;
	int i;

	(void)state;
	for (f = 0; f < sizeof(flavours) / sizeof(flavours[0]); f++) {
		rumpuser_mutex_init(&s.mtx, flavours[f]);
		s.counter = 0;
		fakehyp_reset();
		for (i = 0; i < NTHREADS; i++)
			pthread_create(&tids[i], NULL, stress_thread, &s);
		for (i = 0; i < NTHREADS; i++)
			pthread_join(tids[i], NULL);
		assert_int_equal(s.counter, (long)NTHREADS * NLOOPS);
		assert_int_equal(fakehyp_get().nviolation, 0);
		rumpuser_mutex_destroy(s.mtx);
	}
}

/* Not a pass/fail check beyond sanity: prints the fast path's cost. */
static void
test_fastpath_cost(void **state)
{
	struct rumpuser_mtx *mtx;
	int64_t t0, t;
	int i, lwp;

	(void)state;
	rumpuser_mutex_init(&mtx, RUMPUSER_MTX_KMUTEX);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp);
	t0 = fakehyp_now_ns();
	for (i = 0; i < 10000000; i++) {
		rumpuser_mutex_enter(mtx);
		rumpuser_mutex_exit(mtx);
	}
	t = fakehyp_now_ns() - t0;
	print_message("mutex enter+exit: %.1f ns\n", t / 1e7);
	t0 = fakehyp_now_ns();
	for (i = 0; i < 10000000; i++) {
		if (rumpuser_curlwp() != &lwp)
			fail();
	}
	t = fakehyp_now_ns() - t0;
	print_message("curlwp: %.2f ns\n", t / 1e7);
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp);
	rumpuser_mutex_destroy(mtx);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uncontended),
		cmocka_unit_test(test_contended_enter),
		cmocka_unit_test(test_contended_spin),
		cmocka_unit_test(test_contended_nowrap),
		cmocka_unit_test(test_tryenter_owner),
		cmocka_unit_test(test_destroy_held),
		cmocka_unit_test(test_exclusion),
		cmocka_unit_test(test_fastpath_cost),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_mutex", tests, NULL, NULL);
}
