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

/* preadv2(2) / pwritev2(2) flags (Linux's linux/fs.h). */
#define RWF_HIPRI       0x00000001  /* poll for completion: a hint */
#define RWF_DSYNC       0x00000002  /* this write as with O_DSYNC */
#define RWF_SYNC        0x00000004  /* this write as with O_SYNC */
#define RWF_NOWAIT      0x00000008  /* do not wait for data or space */
#define RWF_APPEND      0x00000010  /* this write as with O_APPEND */
#define RWF_SUPPORTED   (RWF_HIPRI | RWF_DSYNC | RWF_SYNC | RWF_NOWAIT | \
			 RWF_APPEND)

#endif /* ABI_UIO_H */
