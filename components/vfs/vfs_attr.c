/*
 * vfs_attr.c -- the calls that change a file's attributes: chmod,
 * chown, utimensat, truncate, fallocate; and the sync calls.
 *
 * Handlers that only go through a descriptor's struct file operations
 * (ftruncate, fsync, fdatasync, umask) are weak, so that the system call
 * layer may bring its own without a clash.
 */
#include "vfs_int.h"
#include "vfs_sys.h"

#define WEAK __attribute__((__weak__))

bool
cred_owner(uid_t uid)
{
	const struct cred *cr = vnode_cred();

	return cr->cr_fsuid == 0 || cr->cr_fsuid == uid;
}

static bool
cred_ingroup_fs(gid_t gid)
{
	const struct cred *cr = vnode_cred();

	if (cr->cr_fsgid == gid)
		return true;
	for (int i = 0; i < cr->cr_ngroups; i++)
		if (cr->cr_groups[i] == gid)
			return true;
	return false;
}

/* Look a caller's path up; the vnode is referenced. */
static int
lookup_user(int dirfd, const char *upath, int nflags, struct vnode **vpp)
{
	struct nameidata nd;
	char *kpath;
	int error;

	error = namei_getpath(upath, &kpath);
	if (error != 0)
		return error;
	error = namei(dirfd, kpath, nflags, &nd);
	namei_putpath(kpath);
	if (error != 0)
		return error;
	*vpp = nd.ni_vp;
	return 0;
}

static int
do_chmod(struct vnode *vp, mode_t mode)
{
	struct vattr va, nva;
	int error = vn_getattr(vp, &va);

	if (error != 0)
		return error;
	if (!cred_owner(va.va_uid))
		return -EPERM;
	mode &= 07777;
	/* Only members of the group may set set-group-id on a file. */
	if (vnode_cred()->cr_fsuid != 0 && !S_ISDIR(va.va_mode) &&
	    !cred_ingroup_fs(va.va_gid))
		mode &= ~(mode_t)S_ISGID;
	memset(&nva, 0, sizeof(nva));
	nva.va_mask = VA_MODE;
	nva.va_mode = mode;
	return vn_setattr(vp, &nva);
}

static int
do_chown(struct vnode *vp, uid_t uid, gid_t gid)
{
	const struct cred *cr = vnode_cred();
	struct vattr va, nva;
	int error = vn_getattr(vp, &va);

	if (error != 0)
		return error;
	memset(&nva, 0, sizeof(nva));
	/* As Linux: the owner may "change" the owner to itself and the
	 * group to one it is in; root anything; -1 asks for nothing. */
	if (uid != (uid_t)-1) {
		if (cr->cr_fsuid != 0 &&
		    (cr->cr_fsuid != va.va_uid || uid != va.va_uid))
			return -EPERM;
		nva.va_mask |= VA_UID;
		nva.va_uid = uid;
	}
	if (gid != (gid_t)-1) {
		if (cr->cr_fsuid != 0 && (cr->cr_fsuid != va.va_uid ||
		    (gid != va.va_gid && !cred_ingroup_fs(gid))))
			return -EPERM;
		nva.va_mask |= VA_GID;
		nva.va_gid = gid;
	}
	/* A change of owner drops set-user-id, and set-group-id where it
	 * means that (group execute set), as Linux does. */
	if (!S_ISDIR(va.va_mode) && (uid != (uid_t)-1 || gid != (gid_t)-1) &&
	    (va.va_mode & (S_ISUID | S_ISGID))) {
		nva.va_mask |= VA_MODE;
		nva.va_mode = va.va_mode & 07777 & ~(mode_t)S_ISUID;
		if (va.va_mode & S_IXGRP)
			nva.va_mode &= ~(mode_t)S_ISGID;
	}
	if (nva.va_mask == 0) {
		/* Nothing changes but ctime, as on Linux. */
		nva.va_mask = VA_MODE;
		nva.va_mode = va.va_mode & 07777;
	}
	return vn_setattr(vp, &nva);
}

long
sys_fchmodat(int dirfd, const char *path, mode_t mode)
{
	struct vnode *vp;
	int error = lookup_user(dirfd, path, NI_FOLLOW, &vp);

	if (error != 0)
		return error;
	error = do_chmod(vp, mode);
	vrele(vp);
	return error;
}

long
sys_chmod(const char *path, mode_t mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long
sys_fchmod(int fd, mode_t mode)
{
	struct file *f;
	struct vnode *vp;
	int error = fd_getvnode(fd, &vp, &f);

	if (error != 0)
		return error;
	error = (f->f_flag & O_PATH) ? -EBADF : do_chmod(vp, mode);
	vrele(vp);
	file_rele(f);
	return error;
}

long
sys_fchownat(int dirfd, const char *path, uid_t owner, gid_t group,
    int flags)
{
	struct vnode *vp;
	int error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	error = lookup_user(dirfd, path,
	    ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : NI_FOLLOW) |
	    ((flags & AT_EMPTY_PATH) ? NI_EMPTYPATH : 0), &vp);
	if (error != 0)
		return error;
	error = do_chown(vp, owner, group);
	vrele(vp);
	return error;
}

long
sys_chown(const char *path, uid_t owner, gid_t group)
{
	return sys_fchownat(AT_FDCWD, path, owner, group, 0);
}

long
sys_lchown(const char *path, uid_t owner, gid_t group)
{
	return sys_fchownat(AT_FDCWD, path, owner, group, AT_SYMLINK_NOFOLLOW);
}

long
sys_fchown(int fd, uid_t owner, gid_t group)
{
	struct file *f;
	struct vnode *vp;
	int error = fd_getvnode(fd, &vp, &f);

	if (error != 0)
		return error;
	error = (f->f_flag & O_PATH) ? -EBADF : do_chown(vp, owner, group);
	vrele(vp);
	file_rele(f);
	return error;
}

/* Set the times of vp: kts NULL means both now; UTIME_NOW/OMIT apply. */
static int
do_utimens(struct vnode *vp, const struct timespec *kts)
{
	struct timespec ts[2], now;
	struct vattr va, nva;
	int error;

	error = vn_getattr(vp, &va);
	if (error != 0)
		return error;
	vfs_timestamp(&now);
	if (kts == NULL) {
		ts[0].tv_nsec = ts[1].tv_nsec = UTIME_NOW;
	} else {
		memcpy(ts, kts, sizeof(ts));
		for (int i = 0; i < 2; i++)
			if (ts[i].tv_nsec != UTIME_NOW &&
			    ts[i].tv_nsec != UTIME_OMIT &&
			    (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= 1000000000L))
				return -EINVAL;
	}
	if (ts[0].tv_nsec == UTIME_OMIT && ts[1].tv_nsec == UTIME_OMIT)
		return 0;
	/* Setting "now" needs ownership or write access; any other time
	 * needs ownership. */
	if (!cred_owner(va.va_uid)) {
		bool allnow = (ts[0].tv_nsec == UTIME_NOW ||
		    ts[0].tv_nsec == UTIME_OMIT) &&
		    (ts[1].tv_nsec == UTIME_NOW || ts[1].tv_nsec == UTIME_OMIT);
		if (!allnow)
			return -EPERM;
		error = vn_access(vp, W_OK);
		if (error != 0)
			return error;
	}
	memset(&nva, 0, sizeof(nva));
	if (ts[0].tv_nsec != UTIME_OMIT) {
		nva.va_mask |= VA_ATIME;
		nva.va_atime = ts[0].tv_nsec == UTIME_NOW ? now : ts[0];
	}
	if (ts[1].tv_nsec != UTIME_OMIT) {
		nva.va_mask |= VA_MTIME;
		nva.va_mtime = ts[1].tv_nsec == UTIME_NOW ? now : ts[1];
	}
	return vn_setattr(vp, &nva);
}

/* utimensat and the older calls: look up, then set kts (may be NULL). */
static int
utimes_at(int dirfd, const char *path, const struct timespec *kts, int flags)
{
	struct vnode *vp;
	int error;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (path == NULL) {
		/* futimens(): the descriptor itself. */
		if (dirfd == AT_FDCWD)
			return -EFAULT;
		error = fd_getvnode(dirfd, &vp, NULL);
	} else {
		error = lookup_user(dirfd, path,
		    ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : NI_FOLLOW) |
		    ((flags & AT_EMPTY_PATH) ? NI_EMPTYPATH : 0), &vp);
	}
	if (error != 0)
		return error;
	error = do_utimens(vp, kts);
	vrele(vp);
	return error;
}

long
sys_utimensat(int dirfd, const char *path, const struct timespec *times,
    int flags)
{
	struct timespec ts[2];
	int error;

	if (times != NULL && (error = copyin(times, ts, sizeof(ts))) != 0)
		return error;
	return utimes_at(dirfd, path, times != NULL ? ts : NULL, flags);
}

long
sys_futimesat(int dirfd, const char *path, const struct timeval *times)
{
	struct timeval tv[2];
	struct timespec ts[2];
	int error;

	if (times == NULL)
		return utimes_at(dirfd, path, NULL, 0);
	error = copyin(times, tv, sizeof(tv));
	if (error != 0)
		return error;
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -EINVAL;
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return utimes_at(dirfd, path, ts, 0);
}

long
sys_utimes(const char *path, const struct timeval *times)
{
	return sys_futimesat(AT_FDCWD, path, times);
}

long
sys_utime(const char *path, const struct utimbuf *times)
{
	struct utimbuf ub;
	struct timespec ts[2];
	int error;

	if (times == NULL)
		return utimes_at(AT_FDCWD, path, NULL, 0);
	error = copyin(times, &ub, sizeof(ub));
	if (error != 0)
		return error;
	ts[0] = (struct timespec){ ub.actime, 0 };
	ts[1] = (struct timespec){ ub.modtime, 0 };
	return utimes_at(AT_FDCWD, path, ts, 0);
}

long
sys_truncate(const char *path, off_t length)
{
	struct vnode *vp;
	struct vattr va;
	int error;

	if (length < 0)
		return -EINVAL;
	error = lookup_user(AT_FDCWD, path, NI_FOLLOW, &vp);
	if (error != 0)
		return error;
	if (vn_isdir(vp))
		error = -EISDIR;
	else if (!S_ISREG(vp->v_type))
		error = -EINVAL;
	else
		error = vn_access(vp, W_OK);
	if (error == 0) {
		memset(&va, 0, sizeof(va));
		va.va_mask = VA_SIZE;
		va.va_size = length;
		error = vn_setattr(vp, &va);
	}
	vrele(vp);
	return error;
}

WEAK long
sys_ftruncate(int fd, off_t length)
{
	struct file *f;
	int error;

	if (length < 0)
		return -EINVAL;
	f = fd_getfile(fd);
	if (f == NULL)
		return -EBADF;
	error = f->f_ops->fo_truncate != NULL
	    ? f->f_ops->fo_truncate(f, length) : -EINVAL;
	file_rele(f);
	return error;
}

/* As Linux: growing the size (not with KEEP_SIZE) past RLIMIT_FSIZE is
 * EFBIG with SIGXFSZ. */
static int
fallocate_limit(struct vnode *vp, int mode, off_t end)
{
	struct vattr va;
	int error;

	if ((mode & FALLOC_FL_KEEP_SIZE) || !fsize_limited())
		return 0;
	error = vn_getattr(vp, &va);
	if (error != 0 || end <= va.va_size)
		return error;
	return fsize_limit_grow(end);
}

long
sys_fallocate(int fd, int mode, off_t offset, off_t len)
{
	struct file *f;
	struct vnode *vp;
	int error;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~FALLOC_FL_KEEP_SIZE)
		return -EOPNOTSUPP;
	f = fd_getfile(fd);
	if (f == NULL)
		return -EBADF;
	vp = f->f_vnode;
	if ((f->f_flag & O_ACCMODE) == O_RDONLY || (f->f_flag & O_PATH))
		error = -EBADF;
	else if (vp == NULL)
		error = -ESPIPE;
	else if (vn_isdir(vp))
		error = -EISDIR;
	else if (!S_ISREG(vp->v_type))
		error = -ENODEV;
	else if (offset > INT64_MAX - len)
		error = -EFBIG;
	else if (vp->v_op->vop_allocate == NULL)
		error = -EOPNOTSUPP;
	else if ((error = fallocate_limit(vp, mode, offset + len)) == 0)
		error = vp->v_op->vop_allocate(vp, mode, offset, len);
	file_rele(f);
	return error;
}

static long
do_fsync(int fd, bool dataonly)
{
	struct file *f = fd_getfile(fd);
	int error;

	if (f == NULL)
		return -EBADF;
	if (f->f_flag & O_PATH)
		error = -EBADF;
	else
		error = f->f_ops->fo_sync != NULL
		    ? f->f_ops->fo_sync(f, dataonly) : -EINVAL; /* pipes, sockets: as Linux */
	file_rele(f);
	return error;
}

WEAK long
sys_fsync(int fd)
{
	return do_fsync(fd, false);
}

WEAK long
sys_fdatasync(int fd)
{
	return do_fsync(fd, true);
}

/* Descriptor checks shared by the advisory calls below. */
static int
advice_fd(int fd)
{
	struct file *f = fd_getfile(fd);
	int error = 0;

	if (f == NULL)
		return -EBADF;
	if (f->f_flag & O_PATH)
		error = -EBADF;
	else if (f->f_vnode == NULL || S_ISFIFO(f->f_vnode->v_type))
		error = -ESPIPE;
	file_rele(f);
	return error;
}

long
sys_fadvise64(int fd, off_t offset, off_t len, int advice)
{
	int error = advice_fd(fd);

	(void)offset;
	if (error != 0)
		return error;
	/* POSIX_FADV_NORMAL .. POSIX_FADV_NOREUSE: all memory here. */
	if (advice < 0 || advice > 5 || len < 0)
		return -EINVAL;
	return 0;
}

long
sys_readahead(int fd, off_t offset, size_t count)
{
	struct file *f;
	int error = advice_fd(fd);

	(void)offset;
	(void)count;
	if (error != 0)
		return error == -ESPIPE ? -EINVAL : error;
	f = fd_getfile(fd);
	if (f == NULL)
		return -EBADF;
	error = S_ISREG(f->f_vnode->v_type) ? 0 : -EINVAL;
	if (error == 0 && (f->f_flag & O_ACCMODE) == O_WRONLY)
		error = -EBADF;
	file_rele(f);
	return error;
}

long
sys_sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags)
{
	int error;

	if (flags & ~7U)
		return -EINVAL;
	if (offset < 0 || nbytes < 0 || offset > INT64_MAX - nbytes)
		return -EINVAL;
	error = advice_fd(fd);
	return error;
}

long
sys_syncfs(int fd)
{
	struct vnode *vp;
	int error = fd_getvnode(fd, &vp, NULL);

	if (error != 0)
		return error == -EINVAL ? 0 : error;
	if (vp->v_mount != NULL && vp->v_mount->mnt_op->vfs_sync != NULL)
		vp->v_mount->mnt_op->vfs_sync(vp->v_mount);
	vrele(vp);
	return 0;
}

long
sys_sync(void)
{
	vfs_syncall();
	return 0;
}

WEAK long
sys_umask(mode_t mask)
{
	struct proc *p = curproc;
	mode_t old;

	mutex_enter(&p->p_lock);
	old = p->p_umask;
	p->p_umask = mask & 0777;
	mutex_exit(&p->p_lock);
	return old;
}
