/*
 * prog_init.c -- boots a rump kernel with the parameters in the
 * environment and reports rump_init()'s result; exit status 0 if it
 * succeeded, else 1.  Driven by tests/bats/kern.bats.
 */
#include <stdio.h>
#include <string.h>

#include <rump/rump.h>

int
main(void)
{
	int error = rump_init();

	printf("rump_init: %s\n", error == 0 ? "ok" : strerror(error));
	if (error == 0 && rump_init() != 0) {
		printf("second rump_init failed\n");
		return 1;
	}
	return error == 0 ? 0 : 1;
}
