/* mem.c -- rumpuser_malloc / rumpuser_free on the host's malloc. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>

#include "rumpuser_int.h"

/* len is passed to malloc unchecked: this file assumes a 64-bit host. */
_Static_assert(sizeof(size_t) == sizeof(uint64_t), "64-bit host expected");

int
rumpuser_malloc(uint64_t len, int alignment, void **memp)
{
	void *mem;
	int error;

	if (memp == NULL || alignment < 0 ||
	    (alignment & (alignment - 1)) != 0)
		return EINVAL;
	/* A zero-length allocation still yields a distinct pointer. */
	if (len == 0)
		len = 1;
	/* malloc already aligns to max_align_t; only more needs memalign. */
	if ((size_t)alignment <= _Alignof(max_align_t)) {
		if ((mem = malloc(len)) == NULL)
			return ENOMEM;
	} else {
		if ((error = posix_memalign(&mem, (size_t)alignment, len)) != 0)
			return rumpuser__errtrans(error);
	}
	*memp = mem;
	return 0;
}

void
rumpuser_free(void *mem, uint64_t len)
{
	(void)len;
	free(mem);
}
