/* file.c -- host files: open, close, file info, vectored I/O, sync. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "rumpuser_int.h"

/* rumpuser_iovec is passed to the host as struct iovec unchanged. */
_Static_assert(sizeof(struct rumpuser_iovec) == sizeof(struct iovec) &&
    offsetof(struct rumpuser_iovec, iov_base) ==
    offsetof(struct iovec, iov_base) &&
    offsetof(struct rumpuser_iovec, iov_len) ==
    offsetof(struct iovec, iov_len), "rumpuser_iovec is struct iovec");

#define FILE_MODES (RUMPUSER_OPEN_ACCMODE | RUMPUSER_OPEN_CREATE | \
    RUMPUSER_OPEN_EXCL | RUMPUSER_OPEN_BIO)

static int
file_openflags(int mode, int *flagsp)
{
	int flags;

	if ((mode & ~FILE_MODES) != 0)
		return EINVAL;
	switch (mode & RUMPUSER_OPEN_ACCMODE) {
	case RUMPUSER_OPEN_RDONLY:
		flags = O_RDONLY;
		break;
	case RUMPUSER_OPEN_WRONLY:
		flags = O_WRONLY;
		break;
	case RUMPUSER_OPEN_RDWR:
		flags = O_RDWR;
		break;
	default:
		return EINVAL;
	}
	if (mode & RUMPUSER_OPEN_CREATE)
		flags |= O_CREAT;
	if (mode & RUMPUSER_OPEN_EXCL)
		flags |= O_EXCL;
	/* The kernel's descriptors are not for the host program's children. */
	*flagsp = flags | O_CLOEXEC;
	return 0;
}

int
rumpuser_open(const char *path, int mode, int *fdp)
{
	int flags, fd, error;

	if (path == NULL || fdp == NULL)
		return EINVAL;
	if ((error = file_openflags(mode, &flags)) != 0)
		return error;
	rumpuser__unschedule();
	do {
		fd = open(path, flags, 0666);
	} while (fd < 0 && errno == EINTR);
	error = fd < 0 ? rumpuser__errtrans(errno) : 0;
	rumpuser__schedule();
	if (error == 0)
		*fdp = fd;
	return error;
}

int
rumpuser_close(int fd)
{
	int error = 0;

	rumpuser__unschedule();
	/* Linux frees the descriptor even on EINTR: never close twice. */
	if (close(fd) != 0 && errno != EINTR)
		error = rumpuser__errtrans(errno);
	rumpuser__schedule();
	return error;
}

/* A block device's size is the device's, not the inode's (which is 0). */
static int
file_blksize(const char *path, uint64_t *sizep)
{
	uint64_t size;
	int fd, error = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return errno;
	if (ioctl(fd, BLKGETSIZE64, &size) != 0)
		error = errno;
	close(fd);
	if (error == 0)
		*sizep = size;
	return error;
}

static int
file_info(const char *path, uint64_t *sizep, int *typep)
{
	struct stat st;
	uint64_t size;
	int type, error;

	if (stat(path, &st) != 0)
		return errno;
	size = (uint64_t)st.st_size;
	switch (st.st_mode & S_IFMT) {
	case S_IFDIR:
		type = RUMPUSER_FT_DIR;
		break;
	case S_IFREG:
		type = RUMPUSER_FT_REG;
		break;
	case S_IFBLK:
		type = RUMPUSER_FT_BLK;
		if (sizep != NULL && (error = file_blksize(path, &size)) != 0)
			return error;
		break;
	case S_IFCHR:
		type = RUMPUSER_FT_CHR;
		break;
	default:
		type = RUMPUSER_FT_OTHER;
		break;
	}
	if (sizep != NULL)
		*sizep = size;
	if (typep != NULL)
		*typep = type;
	return 0;
}

int
rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *typep)
{
	int error;

	if (path == NULL)
		return EINVAL;
	rumpuser__unschedule();
	error = file_info(path, sizep, typep);
	rumpuser__schedule();
	return rumpuser__errtrans(error);
}

/* One vectored transfer; off < 0 uses (and moves) the file position. */
static int
file_iov(int fd, const struct rumpuser_iovec *riov, uint64_t iovlen,
    int64_t off, int write, uint64_t *retv)
{
	const struct iovec *iov = (const struct iovec *)riov;
	ssize_t n;
	int error = 0;

	if ((riov == NULL && iovlen > 0) || iovlen > IOV_MAX || retv == NULL)
		return EINVAL;
	rumpuser__unschedule();
	do {
		if (write)
			n = off < 0 ? writev(fd, iov, (int)iovlen) :
			    pwritev(fd, iov, (int)iovlen, off);
		else
			n = off < 0 ? readv(fd, iov, (int)iovlen) :
			    preadv(fd, iov, (int)iovlen, off);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		error = rumpuser__errtrans(errno);
	rumpuser__schedule();
	if (error == 0)
		*retv = (uint64_t)n;
	return error;
}

int
rumpuser_iovread(int fd, struct rumpuser_iovec *iov, uint64_t iovlen,
    int64_t off, uint64_t *retv)
{
	return file_iov(fd, iov, iovlen, off, 0, retv);
}

int
rumpuser_iovwrite(int fd, const struct rumpuser_iovec *iov,
    uint64_t iovlen, int64_t off, uint64_t *retv)
{
	return file_iov(fd, iov, iovlen, off, 1, retv);
}

#define SYNCFD_FLAGS (RUMPUSER_SYNCFD_READ | RUMPUSER_SYNCFD_WRITE | \
    RUMPUSER_SYNCFD_BARRIER | RUMPUSER_SYNCFD_SYNC)

/*
 * Host reads are always coherent, so READ needs nothing.  A plain WRITE
 * only starts write-back of the range; ordering (BARRIER) or waiting
 * (SYNC) needs the data on stable storage, which is what fdatasync does
 * (and on a block device it also flushes the disk's cache).
 */
static int
file_sync(int fd, int flags, uint64_t start, uint64_t len)
{
	if ((flags & (RUMPUSER_SYNCFD_BARRIER | RUMPUSER_SYNCFD_SYNC)) == 0) {
		if ((flags & RUMPUSER_SYNCFD_WRITE) == 0)
			return 0;
		if (start <= INT64_MAX && len <= INT64_MAX &&
		    sync_file_range(fd, (off_t)start, (off_t)len,
		    SYNC_FILE_RANGE_WRITE) == 0)
			return 0;
		/* Not a file sync_file_range knows: do the stronger thing. */
	}
	while (fdatasync(fd) != 0) {
		if (errno != EINTR)
			return errno;
	}
	return 0;
}

int
rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len)
{
	int error;

	if ((flags & ~SYNCFD_FLAGS) != 0)
		return EINVAL;
	rumpuser__unschedule();
	error = file_sync(fd, flags, start, len);
	rumpuser__schedule();
	return rumpuser__errtrans(error);
}
