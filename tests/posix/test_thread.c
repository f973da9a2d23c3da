/* test_thread.c -- thread create/join/exit, names, stacks, curlwp. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "fakehyp.h"

struct tinfo {
	int ran;
	char name[32];
	size_t stacksize;
	int sigint_blocked;
	void *lwp_at_start;
	void *lwp;       /* bind this lwp and leave ... */
	int clear;       /* ... unbinding it first */
	int use_exit;    /* ... via rumpuser_thread_exit */
	sem_t go;        /* create has returned (and named the thread) */
	sem_t done;      /* for detached threads */
};

static void *
tmain(void *arg)
{
	struct tinfo *ti = arg;
	pthread_attr_t attr;
	sigset_t mask;
	int use_exit;

	sem_wait(&ti->go);
	ti->ran = 1;
	pthread_getname_np(pthread_self(), ti->name, sizeof(ti->name));
	if (pthread_getattr_np(pthread_self(), &attr) == 0) {
		pthread_attr_getstacksize(&attr, &ti->stacksize);
		pthread_attr_destroy(&attr);
	}
	pthread_sigmask(SIG_BLOCK, NULL, &mask);
	ti->sigint_blocked = sigismember(&mask, SIGINT);
	ti->lwp_at_start = rumpuser_curlwp();
	if (ti->lwp != NULL) {
		rumpuser_curlwpop(RUMPUSER_LWP_CREATE, ti->lwp);
		rumpuser_curlwpop(RUMPUSER_LWP_SET, ti->lwp);
		if (rumpuser_curlwp() != ti->lwp)
			ti->ran = -1;
		if (ti->clear)
			rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, ti->lwp);
	}
	/* After the post a detached thread's ti may be gone. */
	use_exit = ti->use_exit;
	sem_post(&ti->done);
	if (use_exit)
		rumpuser_thread_exit();
	return NULL;
}

static void
run_joined(struct tinfo *ti, const char *name, uint64_t stacksize)
{
	struct fakehyp_counts c;
	void *cookie = NULL;

	sem_init(&ti->go, 0, 0);
	sem_init(&ti->done, 0, 0);
	fakehyp_enter();
	fakehyp_reset();
	assert_int_equal(rumpuser_thread_create(tmain, ti, name, 1, -1, -1,
	    stacksize, &cookie), 0);
	sem_post(&ti->go);
	assert_int_equal(rumpuser_thread_join(cookie), 0);
	c = fakehyp_get();
	fakehyp_leave();
	assert_int_equal(c.nunsched, 1);
	assert_int_equal(c.nsched, 1);
	assert_int_equal(ti->ran, 1);
}

static void
test_create_join(void **state)
{
	struct tinfo ti;

	(void)state;
	memset(&ti, 0, sizeof(ti));
	run_joined(&ti, "short", 0);
	assert_string_equal(ti.name, "short");
	/* Kernel threads start outside the kernel and take no signals. */
	assert_null(ti.lwp_at_start);
	assert_int_equal(ti.sigint_blocked, 1);
}

static void
test_name_truncated(void **state)
{
	struct tinfo ti;

	(void)state;
	memset(&ti, 0, sizeof(ti));
	run_joined(&ti, "abcdefghijklmnopqrstuvwxyz", 0);
	assert_string_equal(ti.name, "abcdefghijklmno");
	memset(&ti, 0, sizeof(ti));
	run_joined(&ti, NULL, 0);
}

static void
test_stacksize(void **state)
{
	struct tinfo ti;

	(void)state;
	memset(&ti, 0, sizeof(ti));
	run_joined(&ti, "stack", 4 << 20);
	assert_true(ti.stacksize >= (4 << 20));
	/* Too small or odd sizes are rounded up, not refused. */
	memset(&ti, 0, sizeof(ti));
	run_joined(&ti, "tiny", 1000);
	assert_true(ti.stacksize >= 1000);
}

static void
test_detached(void **state)
{
	struct tinfo ti;

	(void)state;
	memset(&ti, 0, sizeof(ti));
	sem_init(&ti.go, 0, 1);
	sem_init(&ti.done, 0, 0);
	assert_int_equal(rumpuser_thread_create(tmain, &ti, "detached", 0, 0,
	    0, 0, NULL), 0);
	sem_wait(&ti.done);
	assert_int_equal(ti.ran, 1);
}

static void
test_create_errors(void **state)
{
	struct tinfo ti;
	void *cookie;

	(void)state;
	memset(&ti, 0, sizeof(ti));
	assert_int_equal(rumpuser_thread_create(NULL, &ti, "x", 1, -1, -1, 0,
	    &cookie), EINVAL);
	assert_int_equal(rumpuser_thread_create(tmain, &ti, "x", 1, -1, -1, 0,
	    NULL), EINVAL);
	assert_int_equal(ti.ran, 0);
}

static void
test_curlwp(void **state)
{
	int lwp1, lwp2;

	(void)state;
	assert_null(rumpuser_curlwp());
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, &lwp1);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp1);
	assert_ptr_equal(rumpuser_curlwp(), &lwp1);
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp1);
	assert_null(rumpuser_curlwp());
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp2);
	assert_ptr_equal(rumpuser_curlwp(), &lwp2);
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp2);
	rumpuser_curlwpop(RUMPUSER_LWP_DESTROY, &lwp1);
	assert_null(rumpuser_curlwp());
}

/* A thread ending with an lwp bound hands it to hyp_lwpexit, once. */
static void
test_lwpexit(void **state)
{
	struct tinfo ti;
	int lwp;

	(void)state;
	memset(&ti, 0, sizeof(ti));
	ti.lwp = &lwp;
	run_joined(&ti, "bound", 0);
	assert_int_equal(fakehyp_get().nlwpexit, 1);
	assert_ptr_equal(fakehyp_lastlwpexit, &lwp);
	assert_int_equal(fakehyp_get().nviolation, 0);

	memset(&ti, 0, sizeof(ti));
	ti.lwp = &lwp;
	ti.use_exit = 1;
	run_joined(&ti, "bound-exit", 0);
	assert_int_equal(fakehyp_get().nlwpexit, 1);
	assert_ptr_equal(fakehyp_lastlwpexit, &lwp);

	/* Unbound before exiting, or never bound: no lwpexit. */
	memset(&ti, 0, sizeof(ti));
	ti.lwp = &lwp;
	ti.clear = 1;
	run_joined(&ti, "cleared", 0);
	assert_int_equal(fakehyp_get().nlwpexit, 0);
	memset(&ti, 0, sizeof(ti));
	run_joined(&ti, "unbound", 0);
	assert_int_equal(fakehyp_get().nlwpexit, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_join),
		cmocka_unit_test(test_name_truncated),
		cmocka_unit_test(test_stacksize),
		cmocka_unit_test(test_detached),
		cmocka_unit_test(test_create_errors),
		cmocka_unit_test(test_curlwp),
		cmocka_unit_test(test_lwpexit),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_thread", tests, NULL, NULL);
}
