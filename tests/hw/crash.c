/*
 * crash.c -- a test image that dies on purpose, to check the exception
 * report and the panic exit status.  CRASH=null (default) dereferences
 * NULL, CRASH=stack overflows a thread stack into its guard page,
 * CRASH=ud executes an invalid instruction, CRASH=panic calls
 * rumpuser_exit(RUMPUSER_PANIC).
 */
#include "tsupport.h"

int rumprun_main(const char *cmdline);

static int __attribute__((__noinline__)) deref(volatile int *p)
{
	return *p;
}

static int __attribute__((__noinline__)) recurse(int n)
{
	volatile char pad[512];

	pad[0] = (char)n;
	if (n < 1000000) /* far beyond any stack here */
		return recurse(n + 1) + pad[0];
	return pad[0];
}

static void *overflow(void *arg)
{
	(void)arg;
	recurse(0);
	return NULL;
}

int rumprun_main(const char *cmdline)
{
	char what[16] = "null";
	void *cookie;

	(void)cmdline;
	rumpuser_getparam("CRASH", what, sizeof(what));
	t_printf("crash: %s\n", what);
	if (t_strcmp(what, "stack") == 0) {
		rumpuser_thread_create(overflow, NULL, "overflow", 1, -1, -1, 16384,
		    &cookie);
		rumpuser_thread_join(cookie);
	} else if (t_strcmp(what, "ud") == 0) {
		__builtin_trap();
	} else if (t_strcmp(what, "panic") == 0) {
		rumpuser_exit(RUMPUSER_PANIC);
	} else {
		return deref((volatile int *)0);
	}
	t_printf("crash: still alive\n");
	return 0;
}
