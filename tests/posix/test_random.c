/* test_random.c -- rumpuser_getrandom. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "fakehyp.h"

static void
test_getrandom(void **state)
{
	static unsigned char a[4096], b[4096], zero[4096];
	struct fakehyp_counts c;
	uint64_t n;

	(void)state;
	fakehyp_enter();
	fakehyp_reset();
	assert_int_equal(rumpuser_getrandom(a, sizeof(a), 0, &n), 0);
	assert_int_equal(n, sizeof(a));
	assert_int_equal(rumpuser_getrandom(b, sizeof(b),
	    RUMPUSER_RANDOM_HARD, &n), 0);
	assert_int_equal(n, sizeof(b));
	c = fakehyp_get();
	fakehyp_leave();
	assert_int_equal(c.nunsched, 2);
	assert_int_equal(c.nsched, 2);
	assert_memory_not_equal(a, b, sizeof(a));
	assert_memory_not_equal(a, zero, sizeof(a));

	/* NOWAIT neither blocks nor touches the CPU. */
	fakehyp_reset();
	assert_int_equal(rumpuser_getrandom(a, sizeof(a),
	    RUMPUSER_RANDOM_NOWAIT, &n), 0);
	assert_true(n <= sizeof(a));
	assert_int_equal(fakehyp_get().nunsched, 0);

	/* Bigger than one getrandom(2) call returns. */
	{
		static unsigned char huge[40 << 20];
		assert_int_equal(rumpuser_getrandom(huge, sizeof(huge), 0, &n),
		    0);
		assert_int_equal(n, sizeof(huge));
	}

	assert_int_equal(rumpuser_getrandom(a, sizeof(a), 0x80, &n), EINVAL);
	assert_int_equal(rumpuser_getrandom(a, sizeof(a), 0, NULL), EINVAL);
	assert_int_equal(rumpuser_getrandom(a, 0, 0, &n), 0);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_getrandom),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_random", tests, NULL, NULL);
}
