/*
 * env.c -- the arguments and environment a program is started with:
 * prints argv and the variables named on the command line.
 * usage: env [VAR...]
 */
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	printf("argc %d\n", argc);
	for (int i = 1; i < argc; i++) {
		const char *v = getenv(argv[i]);
		printf("argv[%d] %s = %s\n", i, argv[i], v ? v : "(unset)");
	}
	return 0;
}
