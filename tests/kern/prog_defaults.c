/*
 * prog_defaults.c -- an "image" that carries default bootstrap
 * parameters, as rumprun-bake links them in from a configuration: the
 * kernel uses them when the host does not set the parameter.
 */
#include <stdio.h>
#include <string.h>

#include <rump/rump.h>

const char rump_boot_defaults[] = "RUMP_VERBOSE=1 RUMP_NCPU=abc";

int
main(void)
{
	int error = rump_init();

	printf("rump_init: %s\n", error == 0 ? "ok" : strerror(error));
	return error == 0 ? 0 : 1;
}
