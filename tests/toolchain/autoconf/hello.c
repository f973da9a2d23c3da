/* hello.c -- the program of the autoconf test project. */
#include "config.h"
#include <stdio.h>

int main(void)
{
	printf("hello\n");
	return 0;
}
