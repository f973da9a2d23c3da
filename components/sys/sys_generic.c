/*
 * sys_generic.c -- read and write in all their forms: each builds a uio
 * over the caller's buffers and hands it to the file's fo_read/fo_write.
 * preadv2/pwritev2's per-call RWF_* flags become the status flags
 * (O_APPEND, O_DSYNC, O_NONBLOCK ...) the file operations already obey.
 */
#include "sys_int.h"

/* Linux moves at most this much in one call (INT_MAX rounded to pages). */
#define MAX_RW_COUNT ((size_t)(INT_MAX & ~(int)PAGE_MASK))

/* The file of fd if open for rw (UIO_READ / UIO_WRITE); else NULL. */
static struct file *
getfile_rw(int fd, int rw)
{
	struct file *f = fd_getfile(fd);
	int mode;

	if (f == NULL)
		return NULL;
	mode = f->f_flag & O_ACCMODE;
	if ((f->f_flag & O_PATH) ||
	    (rw == UIO_READ && mode == O_WRONLY) ||
	    (rw == UIO_WRITE && mode == O_RDONLY)) {
		file_rele(f);
		return NULL;
	}
	return f;
}

/*
 * Move uio through f.  offset < 0: the file's own offset (read/write);
 * otherwise positioned (pread/pwrite), which needs a seekable file.
 */
static long
rw_uio(struct file *f, struct uio *uio, off_t offset, int extra)
{
	int flags;

	if (offset >= 0) {
		if (f->f_ops->fo_seek == NULL)
			return -ESPIPE;
		/* As Linux: the end of the range must be an offset too. */
		if ((size_t)offset > (size_t)INT64_MAX - uio->uio_resid)
			return -EINVAL;
		uio->uio_offset = offset;
		flags = 0;
	} else {
		flags = FOF_UPDATE_OFFSET;
	}
	flags |= (atomic_load_relaxed(&f->f_flag) | extra) & ~O_ACCMODE;
	if (uio->uio_rw == UIO_READ) {
		if (f->f_ops->fo_read == NULL)
			return -EINVAL;
		return f->f_ops->fo_read(f, uio, flags);
	}
	if (f->f_ops->fo_write == NULL)
		return -EINVAL;
	return f->f_ops->fo_write(f, uio, flags);
}

static long
rw_buf(int fd, void *buf, size_t count, off_t offset, int rw)
{
	struct iovec iov;
	struct uio uio;
	struct file *f;
	long r;

	f = getfile_rw(fd, rw);
	if (f == NULL)
		return -EBADF;
	/* As Linux: the whole range must be plausible, then it is cut. */
	if (!uaddr_ok(buf, count)) {
		r = -EFAULT;
		goto out;
	}
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	iov.iov_base = buf;
	iov.iov_len = count;
	uio.uio_iov = &iov;
	uio.uio_iovcnt = 1;
	uio.uio_offset = 0;
	uio.uio_resid = count;
	uio.uio_rw = rw;
	uio.uio_user = true;
	r = rw_uio(f, &uio, offset, 0);
out:
	file_rele(f);
	return r;
}

/*
 * The status flags that stand for preadv2/pwritev2's rwf for one call.
 * As Linux: HIPRI is a hint, DSYNC/SYNC make the write synchronous,
 * NOWAIT makes a call that would wait fail with EAGAIN (files that never
 * wait just proceed), APPEND writes at the end; other bits: EOPNOTSUPP.
 */
static int
rwf_to_flags(int rwf, int *extrap)
{
	int extra = 0;

	if ((unsigned int)rwf & ~(unsigned int)RWF_SUPPORTED)
		return -EOPNOTSUPP;
	if (rwf & RWF_DSYNC)
		extra |= O_DSYNC;
	if (rwf & RWF_SYNC)
		extra |= O_SYNC;
	if (rwf & RWF_NOWAIT)
		extra |= O_NONBLOCK;
	if (rwf & RWF_APPEND)
		extra |= O_APPEND;
	*extrap = extra;
	return 0;
}

/* readv and friends; rwf: preadv2/pwritev2's flags (0 for the others). */
static long
rw_vec(int fd, const struct iovec *uiov, int iovcnt, off_t offset, int rw,
    int rwf)
{
	struct iovec fast[UIO_FASTIOV], *iov;
	struct uio uio;
	struct file *f;
	int extra;
	long r;

	f = getfile_rw(fd, rw);
	if (f == NULL)
		return -EBADF;
	r = iov_import(uiov, iovcnt, fast, &iov, &uio, rw);
	if (r != 0)
		goto out;
	for (int i = 0; i < iovcnt; i++) {
		if (!uaddr_ok(iov[i].iov_base, iov[i].iov_len)) {
			r = -EFAULT;
			goto out_free;
		}
	}
	if (uio.uio_resid > MAX_RW_COUNT) {
		/* Trim the tail, as Linux does, keeping the total in range. */
		size_t left = MAX_RW_COUNT;
		for (int i = 0; i < iovcnt; i++) {
			iov[i].iov_len = MIN(iov[i].iov_len, left);
			left -= iov[i].iov_len;
		}
		uio.uio_resid = MAX_RW_COUNT;
	}
	/* Checked after the descriptor and the vector, as Linux does. */
	r = rwf_to_flags(rwf, &extra);
	if (r == 0)
		r = rw_uio(f, &uio, offset, extra);
out_free:
	iov_free(iov, fast, iovcnt);
out:
	file_rele(f);
	return r;
}

long
sys_read(int fd, void *buf, size_t count)
{
	return rw_buf(fd, buf, count, -1, UIO_READ);
}

long
sys_write(int fd, const void *buf, size_t count)
{
	return rw_buf(fd, (void *)(uintptr_t)buf, count, -1, UIO_WRITE);
}

long
sys_pread64(int fd, void *buf, size_t count, off_t offset)
{
	if (offset < 0) {
		/* EBADF and ESPIPE take precedence, as in Linux. */
		struct file *f = getfile_rw(fd, UIO_READ);
		long r = f == NULL ? -EBADF
		    : f->f_ops->fo_seek == NULL ? -ESPIPE : -EINVAL;
		if (f != NULL)
			file_rele(f);
		return r;
	}
	return rw_buf(fd, buf, count, offset, UIO_READ);
}

long
sys_pwrite64(int fd, const void *buf, size_t count, off_t offset)
{
	if (offset < 0) {
		struct file *f = getfile_rw(fd, UIO_WRITE);
		long r = f == NULL ? -EBADF
		    : f->f_ops->fo_seek == NULL ? -ESPIPE : -EINVAL;
		if (f != NULL)
			file_rele(f);
		return r;
	}
	return rw_buf(fd, (void *)(uintptr_t)buf, count, offset, UIO_WRITE);
}

long
sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	return rw_vec(fd, iov, iovcnt, -1, UIO_READ, 0);
}

long
sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	return rw_vec(fd, iov, iovcnt, -1, UIO_WRITE, 0);
}

/* On 64-bit Linux the whole offset is in pos_l; pos_h is ignored. */
long
sys_preadv(int fd, const struct iovec *iov, int iovcnt, unsigned long pos_l,
    unsigned long pos_h)
{
	(void)pos_h;
	if ((off_t)pos_l < 0)
		return -EINVAL;
	return rw_vec(fd, iov, iovcnt, (off_t)pos_l, UIO_READ, 0);
}

long
sys_pwritev(int fd, const struct iovec *iov, int iovcnt, unsigned long pos_l,
    unsigned long pos_h)
{
	(void)pos_h;
	if ((off_t)pos_l < 0)
		return -EINVAL;
	return rw_vec(fd, iov, iovcnt, (off_t)pos_l, UIO_WRITE, 0);
}

/*
 * preadv2 / pwritev2: offset -1 is the file's own offset (which moves,
 * as with readv/writev); any other negative offset is EINVAL.
 */
long
sys_preadv2(int fd, const struct iovec *iov, int iovcnt, unsigned long pos_l,
    unsigned long pos_h, int flags)
{
	(void)pos_h;
	if ((off_t)pos_l < -1)
		return -EINVAL;
	return rw_vec(fd, iov, iovcnt, (off_t)pos_l, UIO_READ, flags);
}

long
sys_pwritev2(int fd, const struct iovec *iov, int iovcnt, unsigned long pos_l,
    unsigned long pos_h, int flags)
{
	(void)pos_h;
	if ((off_t)pos_l < -1)
		return -EINVAL;
	return rw_vec(fd, iov, iovcnt, (off_t)pos_l, UIO_WRITE, flags);
}
