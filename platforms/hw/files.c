/*
 * files.c -- host files and block I/O.  A guest on hw has no host
 * files; its "host files" are its virtio-blk disks, named "vblk0",
 * "vblk1", ... in the order they were found (virtio_blk.c).  Any other
 * path is ENXIO.  A disk's descriptor is VBLK_FD0 + unit; block I/O is
 * done synchronously, without the virtual CPU, and completes through
 * biodone before rumpuser_bio returns.
 */
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/virtio.h"

#define VBLK_FD0 1000
#ifndef HW_EACCES
#define HW_EACCES 13 /* Linux's values, as all HW_E* */
#endif
#ifndef HW_EEXIST
#define HW_EEXIST 17
#endif

/* The unit of "vblkN", or -1. */
static int disk_unit(const char *path)
{
	int unit = 0;

	if (rumphw_strncmp(path, "vblk", 4) != 0 || path[4] == '\0')
		return -1;
	for (const char *p = path + 4; *p; p++) {
		if (*p < '0' || *p > '9' || unit > 1000)
			return -1;
		unit = unit * 10 + (*p - '0');
	}
	return unit < rumphw_virtio_blk_count() ? unit : -1;
}

static int fd_unit(int fd)
{
	int unit = fd - VBLK_FD0;

	return unit >= 0 && unit < rumphw_virtio_blk_count() ? unit : -1;
}

int rumpuser_open(const char *path, int mode, int *fdp)
{
	int unit = disk_unit(path);
	uint64_t size;
	bool rdonly;

	if (unit < 0)
		return HW_ENXIO;
	if ((mode & (RUMPUSER_OPEN_CREATE | RUMPUSER_OPEN_EXCL)) ==
	    (RUMPUSER_OPEN_CREATE | RUMPUSER_OPEN_EXCL))
		return HW_EEXIST;
	rumphw_virtio_blk_info(unit, &size, &rdonly);
	if (rdonly && (mode & RUMPUSER_OPEN_ACCMODE) != RUMPUSER_OPEN_RDONLY)
		return HW_EACCES;
	*fdp = VBLK_FD0 + unit;
	return 0;
}

int rumpuser_close(int fd)
{
	return fd_unit(fd) < 0 ? HW_EBADF : 0;
}

int rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *typep)
{
	int unit = disk_unit(path);
	uint64_t size;
	bool rdonly;

	if (unit < 0)
		return HW_ENXIO;
	rumphw_virtio_blk_info(unit, &size, &rdonly);
	if (sizep != NULL)
		*sizep = size;
	if (typep != NULL)
		*typep = RUMPUSER_FT_BLK;
	return 0;
}

void rumpuser_bio(int fd, int op, void *data, uint64_t dlen, int64_t off,
    rumpuser_biodone_fn biodone, void *donearg)
{
	int unit = fd_unit(fd), error;

	/* biodone expects no virtual CPU; the transfer may sleep. */
	rumphw_hyp_unschedule();
	if (unit < 0)
		error = HW_EBADF;
	else if (off < 0)
		error = HW_EINVAL;
	else
		error = rumphw_virtio_blk_rw(unit, (op & RUMPUSER_BIO_WRITE) != 0,
		    data, dlen, (uint64_t)off);
	if (error == 0 && (op & RUMPUSER_BIO_SYNC))
		error = rumphw_virtio_blk_flush(unit);
	biodone(donearg, error == 0 ? dlen : 0, error);
	rumphw_hyp_schedule();
}

/* Byte-granular reads and writes (etfs) through a bounce sector. */
static int disk_rdwr(int unit, bool write, char *p, uint64_t len,
    uint64_t off)
{
	static char sector[512] __attribute__((aligned(512)));
	int error = 0;

	while (len > 0 && error == 0) {
		uint64_t soff = off & ~511ULL, in = off - soff;
		uint64_t n = MIN(len, 512 - in);
		error = rumphw_virtio_blk_rw(unit, false, sector, 512, soff);
		if (error == 0 && write) {
			rumphw_memcpy(sector + in, p, (size_t)n);
			error = rumphw_virtio_blk_rw(unit, true, sector, 512,
			    soff);
		} else if (error == 0) {
			rumphw_memcpy(p, sector + in, (size_t)n);
		}
		p += n;
		off += n;
		len -= n;
	}
	return error;
}

static int iov_rdwr(int fd, const struct rumpuser_iovec *iov,
    uint64_t iovlen, int64_t off, uint64_t *retv, bool write)
{
	int unit = fd_unit(fd), error = 0;
	uint64_t size, done = 0;
	bool rdonly;

	if (unit < 0)
		return HW_EBADF;
	if (off < 0)
		return HW_EINVAL;
	rumphw_virtio_blk_info(unit, &size, &rdonly);
	rumphw_hyp_unschedule();
	for (uint64_t i = 0; i < iovlen && error == 0; i++) {
		uint64_t o = (uint64_t)off + done, n = iov[i].iov_len;
		if (o >= size)
			break;
		n = MIN(n, size - o);
		error = disk_rdwr(unit, write, iov[i].iov_base, n, o);
		if (error == 0)
			done += n;
		if (n < iov[i].iov_len)
			break;
	}
	rumphw_hyp_schedule();
	*retv = done;
	return done > 0 ? 0 : error;
}

int rumpuser_iovread(int fd, struct rumpuser_iovec *iov, uint64_t iovlen,
    int64_t off, uint64_t *retv)
{
	return iov_rdwr(fd, iov, iovlen, off, retv, false);
}

int rumpuser_iovwrite(int fd, const struct rumpuser_iovec *iov,
    uint64_t iovlen, int64_t off, uint64_t *retv)
{
	return iov_rdwr(fd, iov, iovlen, off, retv, true);
}

int rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len)
{
	int unit = fd_unit(fd), error = 0;

	(void)start, (void)len;
	if (unit < 0)
		return HW_EBADF;
	if (flags & (RUMPUSER_SYNCFD_WRITE | RUMPUSER_SYNCFD_BARRIER)) {
		rumphw_hyp_unschedule();
		error = rumphw_virtio_blk_flush(unit);
		rumphw_hyp_schedule();
	}
	return error;
}
