/* exit.c -- ending the host process: rumpuser_exit and internal aborts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rumpuser_int.h"

void
rumpuser_exit(int value)
{
	if (value == RUMPUSER_PANIC)
		abort();
	exit(value & 0xff);
}

void
rumpuser__fatal(const char *file, int line, const char *what, int error)
{
	if (error != 0)
		fprintf(stderr, "rumpuser: %s: %s (%s:%d)\n", what,
		    strerror(error), file, line);
	else
		fprintf(stderr, "rumpuser: %s (%s:%d)\n", what, file, line);
	abort();
}
