/*
 * tls.c -- rumpuser_settls: the host's libc owns each thread's thread
 * pointer, so a POSIX host cannot give it to a libc above the kernel.
 */
#include <errno.h>

#include "rumpuser_int.h"

int
rumpuser_settls(void *tp, void **oldp)
{
	(void)tp;
	(void)oldp;
	return ENOSYS;
}
