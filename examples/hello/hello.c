/*
 * hello.c -- the first unikernel: greets, and exits with the status
 * given as its first argument (default 0).  Unmodified POSIX C: the same
 * source builds natively.
 */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	int status = argc > 1 ? atoi(argv[1]) : 0;

	printf("Hello, world! This is %s, exiting with status %d.\n",
	    argc > 0 ? argv[0] : "hello", status);
	return status;
}
