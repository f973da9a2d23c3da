/* test_clock.c -- clocks and sleeping on them. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include <cmocka.h>

#include "fakehyp.h"

#define MS 1000000LL
/* Generous upper bound on oversleeping on a loaded 2-core machine. */
#define SLACK (200 * MS)

static void
test_gettime(void **state)
{
	int64_t sec, nsec, psec = 0, pnsec = 0;
	int i;

	(void)state;
	for (i = 0; i < 100000; i++) {
		assert_int_equal(rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO,
		    &sec, &nsec), 0);
		assert_true(nsec >= 0 && nsec < 1000000000);
		assert_true(sec > psec || (sec == psec && nsec >= pnsec));
		psec = sec;
		pnsec = nsec;
	}
	assert_int_equal(rumpuser_clock_gettime(RUMPUSER_CLOCK_RELWALL, &sec,
	    &nsec), 0);
	assert_true(sec - time(NULL) <= 1 && time(NULL) - sec <= 1);
	assert_int_equal(rumpuser_clock_gettime(7, &sec, &nsec), EINVAL);
	assert_int_equal(rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, NULL,
	    &nsec), EINVAL);
}

static void
test_sleep_relative(void **state)
{
	struct fakehyp_counts c;
	int64_t t0, t;

	(void)state;
	fakehyp_enter();
	fakehyp_reset();
	t0 = fakehyp_now_ns();
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0,
	    50 * MS), 0);
	t = fakehyp_now_ns() - t0;
	c = fakehyp_get();
	fakehyp_leave();
	assert_true(t >= 50 * MS);
	assert_true(t < 50 * MS + SLACK);
	assert_int_equal(c.nunsched, 1);
	assert_int_equal(c.nsched, 1);
	assert_int_equal(c.nviolation, 0);
}

static void
test_sleep_absolute(void **state)
{
	int64_t sec, nsec, t0, t;

	(void)state;
	fakehyp_enter();
	assert_int_equal(rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec,
	    &nsec), 0);
	t0 = fakehyp_now_ns();
	nsec += 30 * MS;
	if (nsec >= 1000000000) {
		sec++;
		nsec -= 1000000000;
	}
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_ABSMONO, sec,
	    nsec), 0);
	t = fakehyp_now_ns() - t0;
	assert_true(t >= 29 * MS && t < 30 * MS + SLACK);

	/* A deadline in the past returns at once. */
	t0 = fakehyp_now_ns();
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_ABSMONO, 1, 0), 0);
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, -1, 0),
	    0);
	assert_true(fakehyp_now_ns() - t0 < SLACK);
	fakehyp_leave();
}

static void
test_sleep_errors(void **state)
{
	(void)state;
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0,
	    1000000000), EINVAL);
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, -1),
	    EINVAL);
	assert_int_equal(rumpuser_clock_sleep(9, 0, 1), EINVAL);
}

static void
on_alarm(int sig)
{
	(void)sig;
}

/* A signal in the middle must not cut the sleep short. */
static void
test_sleep_eintr(void **state)
{
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } };
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	struct sigaction sa;
	int64_t t0, t;

	(void)state;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm; /* no SA_RESTART: sleeps see EINTR */
	assert_int_equal(sigaction(SIGALRM, &sa, NULL), 0);
	assert_int_equal(setitimer(ITIMER_REAL, &it, NULL), 0);
	t0 = fakehyp_now_ns();
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0,
	    200 * MS), 0);
	t = fakehyp_now_ns() - t0;
	assert_true(t >= 200 * MS);
	assert_int_equal(rumpuser_clock_sleep(RUMPUSER_CLOCK_ABSMONO,
	    (t0 + 300 * MS) / 1000000000, (t0 + 300 * MS) % 1000000000), 0);
	assert_true(fakehyp_now_ns() - t0 >= 300 * MS);
	assert_int_equal(setitimer(ITIMER_REAL, &off, NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gettime),
		cmocka_unit_test(test_sleep_relative),
		cmocka_unit_test(test_sleep_absolute),
		cmocka_unit_test(test_sleep_errors),
		cmocka_unit_test(test_sleep_eintr),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_clock", tests, NULL, NULL);
}
