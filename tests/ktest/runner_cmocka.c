/*
 * runner_cmocka.c -- hosted runner of the kernel self-tests: boots a rump
 * kernel and runs every test of the rump_ktests link set as one cmocka
 * test.  An argument selects tests whose name contains it; -l lists
 * the tests.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <rump/rump.h>

int rump_ktest_count(void);
const char *rump_ktest_name(int i);
int rump_ktest_run(int i, char *msg, unsigned long msglen);

static void
run_one(void **state)
{
	int i = (int)(intptr_t)*state;
	char msg[256] = "";
	int r = rump_ktest_run(i, msg, sizeof(msg));

	if (r == 2)
		skip();
	if (r != 0)
		fail_msg("%s", msg);
}

static int
setup_index(void **state)
{
	(void)state;
	return 0;
}

int
main(int argc, char **argv)
{
	struct CMUnitTest *tests;
	int n, m = 0, error;

	error = rump_init();
	if (error != 0) {
		fprintf(stderr, "ktest: rump_init failed: %s\n", strerror(error));
		return 1;
	}
	n = rump_ktest_count();
	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		/* List the tests, for runners elsewhere to compare with. */
		for (int i = 0; i < n; i++)
			printf("%s\n", rump_ktest_name(i));
		return 0;
	}
	tests = calloc((size_t)n + 1, sizeof(*tests));
	if (tests == NULL)
		return 1;
	for (int i = 0; i < n; i++) {
		if (argc > 1 && strstr(rump_ktest_name(i), argv[1]) == NULL)
			continue;
		tests[m].name = rump_ktest_name(i);
		tests[m].test_func = run_one;
		tests[m].setup_func = setup_index;
		tests[m].initial_state = (void *)(intptr_t)i;
		m++;
	}
	return _cmocka_run_group_tests("ktest", tests, (size_t)m, NULL, NULL);
}
