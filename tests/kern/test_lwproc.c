/*
 * test_lwproc.c -- the public process/lwp API of rump/rump.h, from a
 * hosted program's point of view.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <rump/rump.h>

static int
boot(void **state)
{
	(void)state;
	return rump_init();
}

static void
test_newproc_gets_own_pid(void **state)
{
	struct lwp *a, *b;
	int pa, pb;

	(void)state;
	assert_null(rump_lwproc_curlwp()); /* implicit lwps are not shown */
	assert_int_equal(rump_lwproc_newproc(), 0);
	a = rump_lwproc_curlwp();
	assert_non_null(a);
	pa = rump_lwproc_getpid(a);
	assert_true(pa > 1);
	assert_int_equal(rump_lwproc_newproc(), 0);
	b = rump_lwproc_curlwp();
	pb = rump_lwproc_getpid(b);
	assert_true(pb != pa);
	/* Back and forth between the two. */
	rump_lwproc_switch(a);
	assert_ptr_equal(rump_lwproc_curlwp(), a);
	rump_lwproc_releaselwp();
	assert_null(rump_lwproc_curlwp());
	rump_lwproc_switch(b);
	assert_int_equal(rump_lwproc_getpid(rump_lwproc_curlwp()), pb);
	rump_lwproc_releaselwp();
	assert_null(rump_lwproc_curlwp());
}

static void
test_newlwp_joins_process(void **state)
{
	struct lwp *first, *second;
	int pid;

	(void)state;
	assert_int_equal(rump_lwproc_newproc(), 0);
	first = rump_lwproc_curlwp();
	pid = rump_lwproc_getpid(first);
	assert_int_equal(rump_lwproc_newlwp(pid), 0);
	second = rump_lwproc_curlwp();
	assert_ptr_not_equal(first, second);
	assert_int_equal(rump_lwproc_getpid(second), pid);
	rump_lwproc_releaselwp();          /* the process lives on in first */
	assert_int_equal(rump_lwproc_newlwp(pid), 0);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(first);
	rump_lwproc_releaselwp();          /* the last lwp: the process exits */
	assert_int_equal(rump_lwproc_newlwp(pid), ESRCH);
	assert_null(rump_lwproc_curlwp());
}

static void
test_bad_arguments(void **state)
{
	(void)state;
	assert_int_equal(rump_lwproc_newlwp(999999), ESRCH);
	assert_int_equal(rump_lwproc_newlwp(-1), ESRCH);
	assert_int_equal(rump_lwproc_rfork(0x100), EINVAL);
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG | RUMP_RFCFDG), EINVAL);
	rump_lwproc_releaselwp();          /* nothing bound: a no-op */
	rump_lwproc_switch(NULL);
}

static void
test_rfork_is_child(void **state)
{
	(void)state;
	assert_int_equal(rump_lwproc_newproc(), 0);
	int parent = rump_lwproc_getpid(rump_lwproc_curlwp());
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	int child = rump_lwproc_getpid(rump_lwproc_curlwp());
	assert_true(child != parent);
	rump_lwproc_releaselwp();
}

static void *
enter_and_leave(void *arg)
{
	(void)arg;
	for (int i = 0; i < 100; i++) {
		rump_schedule();
		rump_unschedule();
	}
	return NULL;
}

/* Host threads that come and go leave their implicit lwps behind cleanly. */
static void
test_implicit_lwps_of_exiting_threads(void **state)
{
	(void)state;
	for (int round = 0; round < 20; round++) {
		pthread_t t[8];
		for (int i = 0; i < 8; i++)
			assert_int_equal(pthread_create(&t[i], NULL,
			    enter_and_leave, NULL), 0);
		for (int i = 0; i < 8; i++)
			pthread_join(t[i], NULL);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newproc_gets_own_pid),
		cmocka_unit_test(test_newlwp_joins_process),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_rfork_is_child),
		cmocka_unit_test(test_implicit_lwps_of_exiting_threads),
	};
	return cmocka_run_group_tests(tests, boot, NULL);
}
