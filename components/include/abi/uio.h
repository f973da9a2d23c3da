/*
 * abi/uio.h -- scatter/gather vectors of readv(2), writev(2) and
 * sendmsg(2).
 */
#ifndef ABI_UIO_H
#define ABI_UIO_H

#include <kern/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

/* Most elements one call takes: more is EINVAL. */
#define UIO_MAXIOV      1024
#define IOV_MAX         UIO_MAXIOV
/* Vectors this short are copied in on the stack. */
#define UIO_FASTIOV     8

#endif /* ABI_UIO_H */
