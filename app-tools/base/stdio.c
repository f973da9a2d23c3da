/*
 * stdio.c -- descriptors 0, 1 and 2 of the program: the console (the
 * rumpdev component), stdout and stderr kept apart.
 */
#include <rump/rump.h>

#include "base.h"

/* Provided by the rumpdev component; absent when it is not baked in. */
int rump_console_stdio(void) __attribute__((weak));

int
rumprun_setup_stdio(void)
{
	if (rump_console_stdio == 0)
		return 19; /* ENODEV: no console component in this image */
	return rump_console_stdio();
}
