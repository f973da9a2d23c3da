/* test_init.c -- rumpuser_init, rumpuser_getparam and rumpuser_seterrno. */
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakehyp.h"

static void
noop(void)
{
}

static void
noop_lwp(void *lwp)
{
	(void)lwp;
}

static void
test_init_version(void **state)
{
	struct rumpuser_hyperup hyp = { noop, noop, noop_lwp };
	struct rumpuser_hyperup partial = { noop, NULL, noop_lwp };

	(void)state;
	assert_int_equal(rumpuser_init(RUMPUSER_VERSION + 1, &hyp), EINVAL);
	assert_int_equal(rumpuser_init(0, &hyp), EINVAL);
	assert_int_equal(rumpuser_init(RUMPUSER_VERSION, NULL), EINVAL);
	assert_int_equal(rumpuser_init(RUMPUSER_VERSION, &partial), EINVAL);
	assert_int_equal(rumpuser_init(RUMPUSER_VERSION, &hyp), 0);
	/* The real one for the rest of the tests. */
	assert_int_equal(rumpuser_init(RUMPUSER_VERSION, &fakehyp_upcalls), 0);
}

static void
test_getparam_env(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(setenv("RUMPTEST_PARAM", "hello", 1), 0);
	assert_int_equal(rumpuser_getparam("RUMPTEST_PARAM", buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "hello");

	/* Exactly fits with the NUL; one less is E2BIG, buf untouched. */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rumpuser_getparam("RUMPTEST_PARAM", buf, 6), 0);
	assert_string_equal(buf, "hello");
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rumpuser_getparam("RUMPTEST_PARAM", buf, 5), E2BIG);
	assert_int_equal(buf[0], 'x');
	assert_int_equal(rumpuser_getparam("RUMPTEST_PARAM", buf, 0), E2BIG);

	assert_int_equal(setenv("RUMPTEST_PARAM", "", 1), 0);
	assert_int_equal(rumpuser_getparam("RUMPTEST_PARAM", buf, 1), 0);
	assert_string_equal(buf, "");

	assert_int_equal(unsetenv("RUMPTEST_PARAM"), 0);
	assert_int_equal(rumpuser_getparam("RUMPTEST_PARAM", buf, sizeof(buf)),
	    ENOENT);
	assert_int_equal(rumpuser_getparam(NULL, buf, sizeof(buf)), EINVAL);
	assert_int_equal(rumpuser_getparam("HOME", NULL, 10), EINVAL);
}

static void
test_getparam_ncpu(void **state)
{
	cpu_set_t set, one;
	char buf[32], *end;
	long n;
	int cpu;

	(void)state;
	assert_int_equal(sched_getaffinity(0, sizeof(set), &set), 0);
	assert_int_equal(rumpuser_getparam("_RUMPUSER_NCPU", buf, sizeof(buf)),
	    0);
	n = strtol(buf, &end, 10);
	assert_int_equal(*end, '\0');
	assert_int_equal(n, CPU_COUNT(&set));

	/* Restricted to one CPU, the answer follows the affinity mask. */
	for (cpu = 0; !CPU_ISSET(cpu, &set); cpu++)
		continue;
	CPU_ZERO(&one);
	CPU_SET(cpu, &one);
	assert_int_equal(sched_setaffinity(0, sizeof(one), &one), 0);
	assert_int_equal(rumpuser_getparam("_RUMPUSER_NCPU", buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "1");
	assert_int_equal(sched_setaffinity(0, sizeof(set), &set), 0);

	assert_int_equal(rumpuser_getparam("_RUMPUSER_NCPU", buf, 1), E2BIG);
}

static void
test_getparam_host(void **state)
{
	char buf[256], host[256];
	unsigned long long mem;
	char *end;

	(void)state;
	assert_int_equal(gethostname(host, sizeof(host)), 0);
	assert_int_equal(rumpuser_getparam("_RUMPUSER_HOSTNAME", buf,
	    sizeof(buf)), 0);
	assert_string_equal(buf, host);

	assert_int_equal(rumpuser_getparam("_RUMPUSER_MEMSIZE", buf,
	    sizeof(buf)), 0);
	mem = strtoull(buf, &end, 10);
	assert_int_equal(*end, '\0');
	assert_true(mem >= 1024 * 1024);

	/* The _RUMPUSER_ namespace is the platform's, not the environment's. */
	assert_int_equal(setenv("_RUMPUSER_BOGUS", "1", 1), 0);
	assert_int_equal(rumpuser_getparam("_RUMPUSER_BOGUS", buf,
	    sizeof(buf)), ENOENT);
	unsetenv("_RUMPUSER_BOGUS");
}

static void
test_seterrno(void **state)
{
	static const int errs[] = { EPERM, ENOENT, EINTR, EAGAIN, ENOSYS,
	    ETIMEDOUT, EHWPOISON, 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		errno = -1;
		rumpuser_seterrno(errs[i]);
		assert_int_equal(errno, errs[i]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_version),
		cmocka_unit_test(test_getparam_env),
		cmocka_unit_test(test_getparam_ncpu),
		cmocka_unit_test(test_getparam_host),
		cmocka_unit_test(test_seterrno),
	};

	return cmocka_run_group_tests_name("posix_init", tests, NULL, NULL);
}
