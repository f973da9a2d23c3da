/*
 * files.c -- host files and block I/O.  A guest on hw has no host files
 * (virtio-blk will come later): opening or asking about one is ENXIO,
 * and since no descriptor can exist, every descriptor call is EBADF.
 */
#include "hw/lib.h"

int rumpuser_open(const char *path, int mode, int *fdp)
{
	(void)path, (void)mode, (void)fdp;
	return HW_ENXIO;
}

int rumpuser_close(int fd)
{
	(void)fd;
	return HW_EBADF;
}

int rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *typep)
{
	(void)path, (void)sizep, (void)typep;
	return HW_ENXIO;
}

void rumpuser_bio(int fd, int op, void *data, uint64_t dlen, int64_t off,
    rumpuser_biodone_fn biodone, void *donearg)
{
	(void)fd, (void)op, (void)data, (void)dlen, (void)off;
	biodone(donearg, 0, HW_EBADF);
}

int rumpuser_iovread(int fd, struct rumpuser_iovec *iov, uint64_t iovlen,
    int64_t off, uint64_t *retv)
{
	(void)fd, (void)iov, (void)iovlen, (void)off, (void)retv;
	return HW_EBADF;
}

int rumpuser_iovwrite(int fd, const struct rumpuser_iovec *iov,
    uint64_t iovlen, int64_t off, uint64_t *retv)
{
	(void)fd, (void)iov, (void)iovlen, (void)off, (void)retv;
	return HW_EBADF;
}

int rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len)
{
	(void)fd, (void)flags, (void)start, (void)len;
	return HW_EBADF;
}
