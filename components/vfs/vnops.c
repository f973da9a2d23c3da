/*
 * vnops.c -- struct file operations on vnodes: read/write at the file
 * offset (O_APPEND), lseek with SEEK_DATA/SEEK_HOLE, fstat, FIONREAD,
 * ftruncate, fsync; O_PATH files; and opening a vnode as a file.
 */
#include "vfs_int.h"
#include "vfs_notify.h"
#include <abi/dirent.h>
#include <abi/ioctl.h>
#include <abi/limits.h>

static ssize_t
vn_fo_read(struct file *f, struct uio *uio, int flags)
{
	struct vnode *vp = f->f_vnode;
	ssize_t n;

	if (vn_isdir(vp))
		return -EISDIR;
	if (vp->v_op->vop_read == NULL)
		return -EINVAL;
	if (!(flags & FOF_UPDATE_OFFSET))
		return vp->v_op->vop_read(vp, uio, 0);
	mutex_enter(&f->f_lock);
	uio->uio_offset = f->f_offset;
	n = vp->v_op->vop_read(vp, uio, 0);
	f->f_offset = uio->uio_offset;
	mutex_exit(&f->f_lock);
	return n;
}

/*
 * RLIMIT_FSIZE for a write of uio to regular file vp: cut uio_resid so
 * the file ends at the limit, or -EFBIG (with SIGXFSZ) when the write
 * starts at or past it (an appending one: at the current end).
 */
static int
vn_write_limit(struct vnode *vp, struct uio *uio, int ioflag)
{
	off_t off = uio->uio_offset;
	size_t len = uio->uio_resid;
	struct vattr va;
	int error;

	if (!S_ISREG(vp->v_type) || len == 0 || !fsize_limited())
		return 0;
	if (ioflag & IO_APPEND) {
		error = vn_getattr(vp, &va);
		if (error != 0)
			return error;
		off = va.va_size;
	}
	error = fsize_limit_write(off, &len);
	if (error == 0)
		uio->uio_resid = len;
	return error;
}

/* flags: the status flags of this call (pwritev2 adds to f_flag's;
 * kernel callers may pass none, so f_flag counts too). */
static ssize_t
vn_fo_write(struct file *f, struct uio *uio, int flags)
{
	struct vnode *vp = f->f_vnode;
	int status = (flags | atomic_load_relaxed(&f->f_flag)) & ~O_ACCMODE;
	int ioflag = (status & O_APPEND) ? IO_APPEND : 0;
	ssize_t n;

	if (vp->v_op->vop_write == NULL)
		return -EINVAL;
	if (status & (O_SYNC | O_DSYNC))
		ioflag |= IO_SYNC;
	if (!(flags & FOF_UPDATE_OFFSET)) {
		n = vn_write_limit(vp, uio, ioflag);
		return n != 0 ? n : vp->v_op->vop_write(vp, uio, ioflag);
	}
	mutex_enter(&f->f_lock);
	uio->uio_offset = f->f_offset;
	n = vn_write_limit(vp, uio, ioflag);
	if (n == 0)
		n = vp->v_op->vop_write(vp, uio, ioflag);
	f->f_offset = uio->uio_offset;
	mutex_exit(&f->f_lock);
	return n;
}

static int
vn_fo_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	struct vnode *vp = f->f_vnode;
	struct vattr va;
	int error, n;

	switch (cmd) {
	case FIONREAD:
		if (!S_ISREG(vp->v_type))
			return -ENOTTY;
		error = vn_getattr(vp, &va);
		if (error != 0)
			return error;
		mutex_enter(&f->f_lock);
		n = va.va_size > f->f_offset
		    ? (int)MIN(va.va_size - f->f_offset, INT_MAX) : 0;
		mutex_exit(&f->f_lock);
		return copyout(&n, uarg, sizeof(n));
	default:
		return -ENOTTY;
	}
}

static int
vn_fo_poll(struct file *f, int events, struct pollwait *pw)
{
	(void)f;
	(void)pw;
	/* Files on disk never block. */
	return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

int
vn_stat(struct vnode *vp, struct stat *st)
{
	struct vattr va;
	int error = vn_getattr(vp, &va);

	if (error != 0)
		return error;
	memset(st, 0, sizeof(*st));
	st->st_dev = vp->v_mount != NULL ? vp->v_mount->mnt_dev : 0;
	st->st_ino = va.va_ino;
	st->st_nlink = va.va_nlink;
	st->st_mode = va.va_mode;
	st->st_uid = va.va_uid;
	st->st_gid = va.va_gid;
	st->st_rdev = va.va_rdev;
	st->st_size = va.va_size;
	st->st_blksize = va.va_blksize != 0 ? va.va_blksize : PAGE_SIZE;
	st->st_blocks = (int64_t)((va.va_bytes + 511) / 512);
	st->st_atime = (uint64_t)va.va_atime.tv_sec;
	st->st_atime_nsec = (uint64_t)va.va_atime.tv_nsec;
	st->st_mtime = (uint64_t)va.va_mtime.tv_sec;
	st->st_mtime_nsec = (uint64_t)va.va_mtime.tv_nsec;
	st->st_ctime = (uint64_t)va.va_ctime.tv_sec;
	st->st_ctime_nsec = (uint64_t)va.va_ctime.tv_nsec;
	return 0;
}

int
vn_stat_file(struct file *f, struct stat *st)
{
	return vn_stat(f->f_vnode, st);
}

static off_t
vn_fo_seek(struct file *f, off_t off, int whence)
{
	struct vnode *vp = f->f_vnode;
	struct vattr va;
	off_t base, res;
	int error;

	mutex_enter(&f->f_lock);
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->f_offset;
		break;
	case SEEK_END:
		if (vn_isdir(vp)) {
			res = -EINVAL;
			goto out;
		}
		error = vn_getattr(vp, &va);
		if (error != 0) {
			res = error;
			goto out;
		}
		base = va.va_size;
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		if (vn_isdir(vp)) {
			res = -EINVAL;
			goto out;
		}
		if (vp->v_op->vop_seekdata != NULL) {
			res = vp->v_op->vop_seekdata(vp, off, whence);
		} else {
			/* Without hole information the file is all data
			 * with a hole at its end. */
			error = vn_getattr(vp, &va);
			if (error != 0)
				res = error;
			else if (off < 0 || off >= va.va_size)
				res = -ENXIO;
			else
				res = whence == SEEK_DATA ? off : va.va_size;
		}
		if (res >= 0)
			f->f_offset = res;
		goto out;
	default:
		res = -EINVAL;
		goto out;
	}
	if ((off > 0 && base > INT64_MAX - off)) {
		res = -EOVERFLOW;
		goto out;
	}
	res = base + off;
	if (res < 0) {
		res = -EINVAL;
		goto out;
	}
	f->f_offset = res;
out:
	mutex_exit(&f->f_lock);
	return res;
}

static int
vn_fo_truncate(struct file *f, off_t len)
{
	struct vnode *vp = f->f_vnode;
	/* ftruncate sets mtime (and so ctime) even when the size stays. */
	struct vattr va = { .va_mask = VA_SIZE | VA_MTIME, .va_size = len };

	vfs_timestamp(&va.va_mtime);
	if ((f->f_flag & O_ACCMODE) == O_RDONLY)
		return -EINVAL;
	if (vn_isdir(vp))
		return -EISDIR;
	if (!S_ISREG(vp->v_type) || len < 0)
		return -EINVAL;
	return vn_setattr(vp, &va);
}

static int
vn_fo_sync(struct file *f, bool dataonly)
{
	struct vnode *vp = f->f_vnode;

	if (vp->v_op->vop_fsync == NULL)
		return 0;
	return vp->v_op->vop_fsync(vp, dataonly);
}

int
vn_close_file(struct file *f)
{
	struct vnode *vp = f->f_vnode;

	if (vp != NULL) {
		vfs_notify_close(vp, f->f_flag);
		vn_flock_release(f, vp);
		if (vp->v_lockf != NULL)
			vn_lockf_release(f, vp);
		f->f_vnode = NULL;
		vrele(vp);
	}
	return 0;
}

static int
vn_fo_fcntl(struct file *f, int cmd, long arg)
{
	switch (cmd) {
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		if (!S_ISREG(f->f_vnode->v_type) && !vn_isdir(f->f_vnode))
			return -EINVAL;
		return vn_fcntl_lock(f, cmd, (void *)arg);
	case F_ADD_SEALS:
		/* Linux's order of checks: write access, known bits, then
		 * whether the file has seals at all. */
		if ((f->f_flag & O_ACCMODE) == O_RDONLY)
			return -EPERM;
		if ((unsigned long)arg > UINT32_MAX ||
		    ((unsigned long)arg & ~(unsigned long)F_SEAL_ALL))
			return -EINVAL;
		if (f->f_vnode->v_op->vop_seals == NULL)
			return -EINVAL;
		return f->f_vnode->v_op->vop_seals(f->f_vnode, (int)arg);
	case F_GET_SEALS:
		if (f->f_vnode->v_op->vop_seals == NULL)
			return -EINVAL;
		return f->f_vnode->v_op->vop_seals(f->f_vnode, -1);
	default:
		return -EINVAL;
	}
}

static int
vn_fo_mmap_shared(struct file *f, uint64_t pg, size_t npages,
    bool prot_write, bool maywrite, void **addrp)
{
	struct vnode *vp = f->f_vnode;

	if (!S_ISREG(vp->v_type) || vp->v_op->vop_mmap_shared == NULL)
		return -ENODEV;
	return vp->v_op->vop_mmap_shared(vp, pg, npages, prot_write,
	    maywrite, addrp);
}

static void
vn_fo_munmap_shared(struct file *f, void *addr, size_t npages,
    bool maywrite)
{
	struct vnode *vp = f->f_vnode;

	vp->v_op->vop_munmap_shared(vp, addr, npages, maywrite);
}

static int
vn_fo_mremap_shared(struct file *f, void *addr, size_t onpages,
    size_t nnpages, bool maywrite, void **addrp)
{
	struct vnode *vp = f->f_vnode;

	if (vp->v_op->vop_mremap_shared == NULL)
		return -ENOMEM;
	return vp->v_op->vop_mremap_shared(vp, addr, onpages, nnpages,
	    maywrite, addrp);
}

/* Reads and writes as inotify watchers hear them. */
static ssize_t
vn_fo_read_notify(struct file *f, struct uio *uio, int flags)
{
	ssize_t n = vn_fo_read(f, uio, flags);

	if (n > 0)
		vfs_notify(f->f_vnode, IN_ACCESS);
	return n;
}

static ssize_t
vn_fo_write_notify(struct file *f, struct uio *uio, int flags)
{
	ssize_t n = vn_fo_write(f, uio, flags);

	if (n > 0)
		vfs_notify(f->f_vnode, IN_MODIFY);
	return n;
}

const struct fileops vnode_fileops = {
	.fo_read = vn_fo_read_notify,
	.fo_fcntl = vn_fo_fcntl,
	.fo_write = vn_fo_write_notify,
	.fo_ioctl = vn_fo_ioctl,
	.fo_poll = vn_fo_poll,
	.fo_stat = vn_stat_file,
	.fo_close = vn_close_file,
	.fo_seek = vn_fo_seek,
	.fo_truncate = vn_fo_truncate,
	.fo_sync = vn_fo_sync,
	.fo_mmap_shared = vn_fo_mmap_shared,
	.fo_munmap_shared = vn_fo_munmap_shared,
	.fo_mremap_shared = vn_fo_mremap_shared,
};

/* O_PATH: a handle on the name only; no I/O. */
static ssize_t
path_fo_rw(struct file *f, struct uio *uio, int flags)
{
	(void)f;
	(void)uio;
	(void)flags;
	return -EBADF;
}

static int
path_fo_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	(void)f;
	(void)cmd;
	(void)uarg;
	return -EBADF;
}

static int
path_fo_poll(struct file *f, int events, struct pollwait *pw)
{
	(void)f;
	(void)events;
	(void)pw;
	return POLLNVAL;
}

static off_t
path_fo_seek(struct file *f, off_t off, int whence)
{
	(void)f;
	(void)off;
	(void)whence;
	return -EBADF;
}

static int
path_fo_truncate(struct file *f, off_t len)
{
	(void)f;
	(void)len;
	return -EBADF;
}

static int
path_fo_sync(struct file *f, bool dataonly)
{
	(void)f;
	(void)dataonly;
	return -EBADF;
}

static const struct fileops path_fileops = {
	.fo_read = path_fo_rw,
	.fo_write = path_fo_rw,
	.fo_ioctl = path_fo_ioctl,
	.fo_poll = path_fo_poll,
	.fo_stat = vn_stat_file,
	.fo_close = vn_close_file,
	.fo_seek = path_fo_seek,
	.fo_truncate = path_fo_truncate,
	.fo_sync = path_fo_sync,
};

/* The character device switch. */
static const struct cdevsw *cdevsw[CDEV_MAJOR_MAX];

int
cdevsw_register(unsigned int major, const struct cdevsw *sw)
{
	if (major >= CDEV_MAJOR_MAX)
		return -EINVAL;
	if (cdevsw[major] != NULL)
		return -EBUSY;
	cdevsw[major] = sw;
	return 0;
}

int
vn_open_file(struct vnode *vp, int flags, struct file **fp)
{
	const struct fileops *ops = (flags & O_PATH) ? &path_fileops
	    : &vnode_fileops;
	/* 64-bit Linux opens every file O_LARGEFILE, and F_GETFL shows it. */
	int fflag = (flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC |
	    O_CLOEXEC)) | O_LARGEFILE;
	struct file *f;
	int error;

	if (flags & O_PATH)
		fflag = O_PATH | (flags & (O_DIRECTORY | O_NOFOLLOW));
	f = file_alloc(ops, DTYPE_VNODE, fflag, vp);
	if (f == NULL) {
		vrele(vp);
		return -ENOMEM;
	}
	f->f_vnode = vp;
	if (flags & O_PATH)
		goto done;
	switch (vp->v_type) {
	case S_IFCHR: {
		const struct cdevsw *sw = NULL;
		unsigned int major = dev_major(vp->v_rdev);

		if (major < CDEV_MAJOR_MAX)
			sw = cdevsw[major];
		error = sw != NULL ? sw->d_open(vp->v_rdev, f, flags) : -ENXIO;
		break;
	}
	case S_IFBLK:
		/* Only host block devices (etfs) can be opened. */
		error = vp->v_etfs != NULL ? 0 : -ENXIO;
		break;
	case S_IFIFO:
		error = fifo_open(vp, f, flags);
		break;
	case S_IFSOCK:
		error = -ENXIO;
		break;
	default:
		error = 0;
		break;
	}
	if (error != 0) {
		/* The file has not become the device's: plain release. */
		f->f_ops = &vnode_fileops;
		file_rele(f);
		return error;
	}
done:
	*fp = f;
	return 0;
}

bool
vfs_dirent_put(struct uio *uio, uint64_t ino, off_t next, unsigned type,
    const char *name, size_t len, int *errorp)
{
	char buf[sizeof(struct linux_dirent64) + NAME_MAX + 1 + 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)buf;
	size_t reclen = (offsetof(struct linux_dirent64, d_name) + len + 1 + 7) &
	    ~(size_t)7;

	KASSERT(len <= NAME_MAX);
	*errorp = 0;
	if (reclen > uio->uio_resid)
		return false;
	memset(buf, 0, reclen);
	d->d_ino = ino;
	d->d_off = next;
	d->d_reclen = (uint16_t)reclen;
	d->d_type = (uint8_t)type;
	memcpy(d->d_name, name, len);
	*errorp = uiomove(buf, reclen, uio);
	return *errorp == 0;
}
