/*
 * vfs_stat.c -- stat(2) and friends, statx(2), statfs(2), readlink(2)
 * and access(2): the calls that look at a file without changing it.
 */
#include "vfs_int.h"
#include "vfs_sys.h"

/* Look path up as the *at() calls do with AT_SYMLINK_NOFOLLOW and
 * AT_EMPTY_PATH; the vnode is referenced. */
static int
lookup_at(int dirfd, const char *upath, int atflags, int allowed,
    struct vnode **vpp)
{
	struct nameidata nd;
	char *kpath;
	int error;

	if (atflags & ~allowed)
		return -EINVAL;
	error = namei_getpath(upath, &kpath);
	if (error != 0)
		return error;
	error = namei(dirfd, kpath,
	    ((atflags & AT_SYMLINK_NOFOLLOW) ? 0 : NI_FOLLOW) |
	    ((atflags & AT_EMPTY_PATH) ? NI_EMPTYPATH : 0), &nd);
	namei_putpath(kpath);
	if (error != 0)
		return error;
	*vpp = nd.ni_vp;
	return 0;
}

int
vfs_statat(int dirfd, const char *path, struct stat *st, int flags)
{
	struct nameidata nd;
	int error;

	error = namei(dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) ? 0 : NI_FOLLOW,
	    &nd);
	if (error != 0)
		return error;
	error = vn_stat(nd.ni_vp, st);
	namei_done(&nd);
	return error;
}

int
vfs_lookup(const char *path, struct vnode **vpp)
{
	struct nameidata nd;
	int error = namei(AT_FDCWD, path, NI_FOLLOW, &nd);

	if (error != 0)
		return error;
	*vpp = nd.ni_vp;
	return 0;
}

long
sys_newfstatat(int dirfd, const char *path, struct stat *ust, int flags)
{
	struct vnode *vp;
	struct stat st;
	int error;

	error = lookup_at(dirfd, path, flags,
	    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT, &vp);
	if (error != 0)
		return error;
	error = vn_stat(vp, &st);
	vrele(vp);
	if (error != 0)
		return error;
	return copyout(&st, ust, sizeof(st));
}

long
sys_stat(const char *path, struct stat *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, 0);
}

long
sys_lstat(const char *path, struct stat *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

static void
statx_ts(struct statx_timestamp *sx, const struct timespec *ts)
{
	sx->tv_sec = ts->tv_sec;
	sx->tv_nsec = (uint32_t)ts->tv_nsec;
}

long
sys_statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *ustx)
{
	struct vnode *vp;
	struct vattr va;
	struct statx stx;
	int error;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	error = lookup_at(dirfd, path, flags & ~AT_STATX_SYNC_TYPE,
	    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT, &vp);
	if (error != 0)
		return error;
	error = vn_getattr(vp, &va);
	if (error != 0) {
		vrele(vp);
		return error;
	}
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS | STATX_BTIME | STATX_MNT_ID;
	stx.stx_blksize = va.va_blksize != 0 ? va.va_blksize : PAGE_SIZE;
	stx.stx_nlink = (uint32_t)va.va_nlink;
	stx.stx_uid = va.va_uid;
	stx.stx_gid = va.va_gid;
	stx.stx_mode = (uint16_t)va.va_mode;
	stx.stx_ino = va.va_ino;
	stx.stx_size = (uint64_t)va.va_size;
	stx.stx_blocks = (va.va_bytes + 511) / 512;
	if (vp->v_vflag & VV_ROOT)
		stx.stx_attributes |= STATX_ATTR_MOUNT_ROOT;
	stx.stx_attributes_mask = STATX_ATTR_MOUNT_ROOT;
	statx_ts(&stx.stx_atime, &va.va_atime);
	statx_ts(&stx.stx_btime, &va.va_btime);
	statx_ts(&stx.stx_ctime, &va.va_ctime);
	statx_ts(&stx.stx_mtime, &va.va_mtime);
	stx.stx_rdev_major = dev_major(va.va_rdev);
	stx.stx_rdev_minor = dev_minor(va.va_rdev);
	if (vp->v_mount != NULL) {
		stx.stx_dev_major = dev_major(vp->v_mount->mnt_dev);
		stx.stx_dev_minor = dev_minor(vp->v_mount->mnt_dev);
		stx.stx_mnt_id = (uint64_t)vp->v_mount->mnt_id;
	}
	vrele(vp);
	return copyout(&stx, ustx, sizeof(stx));
}

long
sys_statfs(const char *path, struct statfs *ubuf)
{
	struct vnode *vp;
	struct statfs st;
	int error;

	error = lookup_at(AT_FDCWD, path, 0, 0, &vp);
	if (error != 0)
		return error;
	error = vfs_statfs(vp->v_mount, &st);
	vrele(vp);
	if (error != 0)
		return error;
	return copyout(&st, ubuf, sizeof(st));
}

long
sys_fstatfs(int fd, struct statfs *ubuf)
{
	struct vnode *vp;
	struct statfs st;
	int error;

	error = fd_getvnode(fd, &vp, NULL);
	if (error != 0)
		return error;
	error = vfs_statfs(vp->v_mount, &st);
	vrele(vp);
	if (error != 0)
		return error;
	return copyout(&st, ubuf, sizeof(st));
}

long
sys_readlinkat(int dirfd, const char *path, char *buf, size_t bufsiz)
{
	struct vnode *vp;
	struct iovec iov;
	struct uio uio;
	long n;
	int error;

	if ((ssize_t)bufsiz <= 0)
		return -EINVAL;
	error = lookup_at(dirfd, path, AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH,
	    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &vp);
	if (error != 0)
		return error;
	if (!vn_islnk(vp) || vp->v_op->vop_readlink == NULL) {
		vrele(vp);
		return -EINVAL;
	}
	iov.iov_base = buf;
	iov.iov_len = bufsiz;
	uio = (struct uio){ .uio_iov = &iov, .uio_iovcnt = 1,
		.uio_offset = 0, .uio_resid = bufsiz, .uio_rw = UIO_READ,
		.uio_user = true };
	n = vp->v_op->vop_readlink(vp, &uio);
	vrele(vp);
	return n;
}

long
sys_readlink(const char *path, char *buf, size_t bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

long
sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	struct vnode *vp;
	int error;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	error = lookup_at(dirfd, path, flags & ~AT_EACCESS,
	    AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, &vp);
	if (error != 0)
		return error;
	error = (flags & AT_EACCESS) ? vn_access(vp, mode)
	    : vn_access_real(vp, mode);
	vrele(vp);
	return error;
}

long
sys_faccessat(int dirfd, const char *path, int mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

long
sys_access(const char *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

int
fd_getvnode(int fd, struct vnode **vpp, struct file **fpp)
{
	struct file *f = fd_getfile(fd);

	if (f == NULL)
		return -EBADF;
	if (f->f_vnode == NULL) {
		file_rele(f);
		return -EINVAL;
	}
	vref(f->f_vnode);
	*vpp = f->f_vnode;
	if (fpp != NULL)
		*fpp = f;
	else
		file_rele(f);
	return 0;
}
