/*
 * dev_stdio.c -- rump_console_stdio(): the public entry the image
 * start-up glue uses to give its program descriptors 0, 1 and 2 on the
 * console (see dev/console.h).
 */
#include <kern/kern.h>
#include <dev/console.h>
#include <rump/rump.h>

int
rump_console_stdio(void)
{
	int error;

	rump_schedule();
	error = console_open_stdio(curproc);
	rump_unschedule();
	return -error;
}
