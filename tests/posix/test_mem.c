/* test_mem.c -- rumpuser_malloc alignment and errors, rumpuser_free. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "fakehyp.h"

static void
test_malloc_align(void **state)
{
	static const int aligns[] = { 0, 1, 2, 4, 8, 16, 32, 64, 128, 4096,
	    65536, 1 << 21 };
	static const uint64_t lens[] = { 1, 7, 100, 4096, 100000 };
	uintptr_t want;
	size_t i, j;
	void *p;

	(void)state;
	for (i = 0; i < sizeof(aligns) / sizeof(aligns[0]); i++) {
		for (j = 0; j < sizeof(lens) / sizeof(lens[0]); j++) {
			p = NULL;
			assert_int_equal(rumpuser_malloc(lens[j], aligns[i],
			    &p), 0);
			assert_non_null(p);
			want = aligns[i] == 0 ? sizeof(void *) :
			    (uintptr_t)aligns[i];
			assert_int_equal((uintptr_t)p % want, 0);
			memset(p, 0xa5, lens[j]);
			rumpuser_free(p, lens[j]);
		}
	}
}

static void
test_malloc_errors(void **state)
{
	void *p = (void *)0x1;

	(void)state;
	assert_int_equal(rumpuser_malloc(16, 3, &p), EINVAL);
	assert_int_equal(rumpuser_malloc(16, 48, &p), EINVAL);
	assert_int_equal(rumpuser_malloc(16, -8, &p), EINVAL);
	assert_int_equal(rumpuser_malloc(16, 8, NULL), EINVAL);
	assert_ptr_equal(p, (void *)0x1);
	/* Nobody has 4 EiB: ENOMEM, not a crash, for both paths. */
	assert_int_equal(rumpuser_malloc(UINT64_C(1) << 62, 0, &p), ENOMEM);
	assert_int_equal(rumpuser_malloc(UINT64_C(1) << 62, 4096, &p), ENOMEM);
	assert_ptr_equal(p, (void *)0x1);

	/* Zero bytes still gives a pointer that can be freed. */
	assert_int_equal(rumpuser_malloc(0, 0, &p), 0);
	assert_non_null(p);
	rumpuser_free(p, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_malloc_align),
		cmocka_unit_test(test_malloc_errors),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_mem", tests, NULL, NULL);
}
