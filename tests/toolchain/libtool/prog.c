/* prog.c -- the program of the libtool test project. */
#include <stdio.h>

int foo(int);

int main(void)
{
	printf("%d\n", foo(1));
	return 0;
}
