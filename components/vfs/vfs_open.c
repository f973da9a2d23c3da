/*
 * vfs_open.c -- open(2), openat(2), creat(2) and their kernel-path
 * forms, and the helpers every creating call shares.
 */
#include "vfs_int.h"
#include "vfs_notify.h"
#include "vfs_sys.h"

bool
nd_isdot(const struct nameidata *nd)
{
	return (nd->ni_namelen == 1 && nd->ni_name[0] == '.') ||
	    (nd->ni_namelen == 2 && nd->ni_name[0] == '.' &&
		nd->ni_name[1] == '.');
}

void
vattr_new(struct vnode *dvp, mode_t mode, struct vattr *va)
{
	const struct cred *cr = vnode_cred();
	struct vattr dva;

	memset(va, 0, sizeof(*va));
	va->va_mode = mode;
	va->va_uid = cr->cr_fsuid;
	va->va_gid = cr->cr_fsgid;
	/* A set-group-id directory passes its group on, and the bit to
	 * subdirectories. */
	if (vn_getattr(dvp, &dva) == 0 && (dva.va_mode & S_ISGID)) {
		va->va_gid = dva.va_gid;
		if (S_ISDIR(mode))
			va->va_mode |= S_ISGID;
	}
}

mode_t
umask_apply(mode_t mode)
{
	return mode & ~curproc->p_umask;
}

int
may_create(struct vnode *dvp)
{
	return vn_access(dvp, W_OK | X_OK);
}

int
may_delete(struct vnode *dvp, struct vnode *vp)
{
	const struct cred *cr = vnode_cred();
	struct vattr dva, va;
	int error;

	error = vn_access(dvp, W_OK | X_OK);
	if (error != 0)
		return error;
	if (cr->cr_fsuid == 0)
		return 0;
	/* Sticky directories: only the owner of the file or of the
	 * directory may remove it. */
	error = vn_getattr(dvp, &dva);
	if (error == 0 && (dva.va_mode & S_ISVTX)) {
		error = vn_getattr(vp, &va);
		if (error == 0 && va.va_uid != cr->cr_fsuid &&
		    dva.va_uid != cr->cr_fsuid)
			return -EPERM;
	}
	return error;
}

/* Open (and maybe create) the last component of an NI_PARENT lookup. */
static int
open_create(struct nameidata *nd, int flags, mode_t mode, struct vnode **vpp,
    bool *createdp)
{
	struct vnode *dvp = nd->ni_dvp;
	struct vattr va;
	int error;

	if (nd->ni_namelen == 0 || nd_isdot(nd))
		return (flags & O_EXCL) ? -EEXIST : -EISDIR;
	/* Linux refuses a trailing slash with O_CREAT before looking. */
	if (nd->ni_trailslash)
		return -EISDIR;
	if (nd->ni_vp != NULL && vn_isdir(nd->ni_vp))
		return (flags & O_EXCL) ? -EEXIST : -EISDIR;
	if (nd->ni_vp != NULL) {
		if (flags & O_EXCL)
			return -EEXIST;
		if (nd->ni_trailslash)
			return -EISDIR;
		if (vn_islnk(nd->ni_vp))
			return -ELOOP; /* O_NOFOLLOW */
		vref(nd->ni_vp);
		*vpp = nd->ni_vp;
		return 0;
	}
	if (nd->ni_trailslash)
		return -EISDIR;
	error = may_create(dvp);
	if (error != 0)
		return error;
	if (dvp->v_op->vop_create == NULL)
		return -EPERM;
	vattr_new(dvp, S_IFREG | umask_apply(mode & 07777), &va);
	error = dvp->v_op->vop_create(dvp, nd->ni_name, nd->ni_namelen, &va,
	    vpp);
	if (error == 0) {
		*createdp = true;
		vfs_notify_create(dvp, nd->ni_name, nd->ni_namelen, *vpp,
		    false);
	}
	return error;
}

/*
 * O_TMPFILE: a regular file without a name in directory path.  Made by
 * creating it under a name nobody can guess and removing that at once,
 * so every file system with create and remove can do it.  Without
 * O_EXCL it may get a name later with linkat(fd, "", ..., AT_EMPTY_PATH)
 * where the file system supports VA_LINKABLE (tmpfs does).
 */
static int
open_tmpfile(int dirfd, const char *path, int flags, mode_t mode,
    struct file **fp)
{
	static unsigned int seq;
	struct nameidata nd;
	struct vnode *dvp, *vp;
	struct vattr va;
	char name[32];
	int error;

	error = namei(dirfd, path, NI_FOLLOW, &nd);
	if (error != 0)
		return error;
	dvp = nd.ni_vp;
	if (!vn_isdir(dvp)) {
		error = -ENOTDIR;
		goto out;
	}
	error = may_create(dvp);
	if (error != 0)
		goto out;
	if (dvp->v_op->vop_create == NULL || dvp->v_op->vop_remove == NULL) {
		error = -EOPNOTSUPP;
		goto out;
	}
	snprintf(name, sizeof(name), ".#tmpfile.%u.%p",
	    atomic_inc(&seq), (void *)&nd);
	vattr_new(dvp, S_IFREG | umask_apply(mode & 07777), &va);
	if (!(flags & O_EXCL))
		va.va_mask |= VA_LINKABLE;
	error = dvp->v_op->vop_create(dvp, name, strlen(name), &va, &vp);
	if (error != 0)
		goto out;
	error = dvp->v_op->vop_remove(dvp, name, strlen(name), vp);
	if (error != 0) {
		vrele(vp);
		goto out;
	}
	error = vn_open_file(vp, flags & ~(O_TMPFILE | O_CREAT | O_EXCL), fp);
out:
	namei_done(&nd);
	return error;
}

int
vfs_open_file(int dirfd, const char *path, int flags, mode_t mode,
    struct file **fp)
{
	struct nameidata nd;
	struct vnode *vp = NULL;
	bool created = false;
	int acc = flags & O_ACCMODE;
	int error;

	if (flags & __O_TMPFILE) {
		if ((flags & O_TMPFILE) != O_TMPFILE || (flags & O_CREAT) ||
		    (acc != O_WRONLY && acc != O_RDWR))
			return -EINVAL;
		return open_tmpfile(dirfd, path, flags, mode, fp);
	}
	if (flags & O_PATH) {
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
		acc = O_RDONLY;
	} else if (acc == O_ACCMODE) {
		return -EINVAL;
	}
	if ((flags & O_CREAT) && !(flags & O_PATH)) {
		int nf = NI_PARENT;
		size_t len = strlen(path);
		/* A trailing slash fails before a symlink would be
		 * followed, so do not follow then. */
		if (!(flags & (O_EXCL | O_NOFOLLOW)) &&
		    !(len > 0 && path[len - 1] == '/'))
			nf |= NI_FOLLOW;
		error = namei(dirfd, path, nf, &nd);
		if (error != 0)
			return error;
		error = open_create(&nd, flags, mode, &vp, &created);
		namei_done(&nd);
		if (error != 0)
			return error;
	} else {
		error = namei(dirfd, path,
		    (flags & O_NOFOLLOW) ? 0 : NI_FOLLOW, &nd);
		if (error != 0)
			return error;
		vp = nd.ni_vp;
		nd.ni_vp = NULL;
		namei_done(&nd);
		/* Linux checks O_DIRECTORY before refusing the symlink. */
		if ((flags & O_DIRECTORY) && !vn_isdir(vp)) {
			error = -ENOTDIR;
			goto out_rele;
		}
		if (vn_islnk(vp) && !(flags & O_PATH)) {
			error = -ELOOP;
			goto out_rele;
		}
	}

	if ((flags & O_DIRECTORY) && !vn_isdir(vp)) {
		error = -ENOTDIR;
		goto out_rele;
	}
	if (!(flags & O_PATH)) {
		if (vn_isdir(vp) && (acc != O_RDONLY || (flags & O_TRUNC))) {
			error = -EISDIR;
			goto out_rele;
		}
		if (!created) {
			int want = 0;
			if (acc == O_RDONLY || acc == O_RDWR)
				want |= R_OK;
			if (acc == O_WRONLY || acc == O_RDWR ||
			    (flags & O_TRUNC))
				want |= W_OK;
			error = vn_access(vp, want);
			if (error != 0)
				goto out_rele;
		}
		if ((flags & O_NOATIME) && !created) {
			/* Linux (may_open): only the owner, or root
			 * (CAP_FOWNER), may suppress atime updates. */
			const struct cred *cr = vnode_cred();
			struct vattr va;

			error = vn_getattr(vp, &va);
			if (error == 0 && cr->cr_fsuid != 0 &&
			    va.va_uid != cr->cr_fsuid)
				error = -EPERM;
			if (error != 0)
				goto out_rele;
		}
		if ((flags & O_TRUNC) && S_ISREG(vp->v_type) && !created) {
			/* O_TRUNC updates the times even of an empty file. */
			struct vattr va = { .va_mask = VA_SIZE | VA_MTIME,
				.va_size = 0 };
			vfs_timestamp(&va.va_mtime);
			error = vn_setattr(vp, &va);
			if (error != 0)
				goto out_rele;
		}
	}
	error = vn_open_file(vp, flags, fp);
	if (error == 0 && !(flags & O_PATH))
		vfs_notify((*fp)->f_vnode, IN_OPEN);
	return error;

out_rele:
	vrele(vp);
	return error;
}

int
vfs_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	struct file *f;
	int error, fd;

	error = vfs_open_file(dirfd, path, flags, mode, &f);
	if (error != 0)
		return error;
	fd = fd_alloc(f, 0, (flags & O_CLOEXEC) != 0);
	file_rele(f);
	return fd;
}

long
sys_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	char *kpath;
	long error;

	error = namei_getpath(path, &kpath);
	if (error != 0)
		return error;
	error = vfs_openat(dirfd, kpath, flags, mode);
	namei_putpath(kpath);
	return error;
}

long
sys_open(const char *path, int flags, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long
sys_creat(const char *path, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}
