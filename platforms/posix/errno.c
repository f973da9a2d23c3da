/*
 * errno.c -- the one place where host errno values and the kernel's
 * (Linux x86_64 numbering, see rumpuser.h) are translated.
 */
#include <errno.h>

#include "rumpuser_int.h"

/*
 * Linux uses the same numbers on every architecture this project targets
 * (alpha, mips, parisc and sparc differ, and are not targets), so on a
 * Linux host both directions are the identity.  A port to another host
 * replaces these two functions with a table.
 */
#if !defined(__linux__)
#error "errno.c: write the host <-> Linux errno table for this host"
#endif

int
rumpuser__errtrans(int hosterror)
{
	return hosterror;
}

int
rumpuser__errno_to_host(int kernelerror)
{
	return kernelerror;
}

void
rumpuser_seterrno(int error)
{
	errno = rumpuser__errno_to_host(error);
}
