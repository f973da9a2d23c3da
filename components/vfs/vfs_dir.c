/*
 * vfs_dir.c -- the calls that change directories: mkdir, mknod,
 * symlink, link, unlink, rmdir, and getdents64 which reads them.
 * rename is in vfs_rename.c.
 */
#include "vfs_int.h"
#include "vfs_notify.h"
#include "vfs_sys.h"


/*
 * Look up the parent for creating name; -EEXIST if it exists, -ENOENT
 * for a trailing slash on a non-directory to be.
 */
static int
create_lookup(int dirfd, const char *path, bool isdir, struct nameidata *nd)
{
	int error = namei(dirfd, path, NI_PARENT, nd);

	if (error != 0)
		return error;
	if (nd->ni_vp != NULL || nd->ni_namelen == 0 || nd_isdot(nd)) {
		namei_done(nd);
		return -EEXIST;
	}
	if (nd->ni_trailslash && !isdir) {
		namei_done(nd);
		return -ENOENT;
	}
	error = may_create(nd->ni_dvp);
	if (error != 0)
		namei_done(nd);
	return error;
}

int
vfs_mkdirat(int dirfd, const char *path, mode_t mode)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp;
	int error;

	error = create_lookup(dirfd, path, true, &nd);
	if (error != 0)
		return error;
	if (nd.ni_dvp->v_op->vop_mkdir == NULL) {
		error = -EPERM;
		goto out;
	}
	vattr_new(nd.ni_dvp, S_IFDIR | umask_apply(mode & 01777), &va);
	error = nd.ni_dvp->v_op->vop_mkdir(nd.ni_dvp, nd.ni_name,
	    nd.ni_namelen, &va, &vp);
	if (error == 0) {
		vfs_notify_create(nd.ni_dvp, nd.ni_name, nd.ni_namelen, vp,
		    false);
		vrele(vp);
	}
out:
	namei_done(&nd);
	return error;
}

int
vfs_mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp;
	int error;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (vnode_cred()->cr_fsuid != 0)
			return -EPERM;
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	error = create_lookup(dirfd, path, false, &nd);
	if (error != 0)
		return error;
	if (nd.ni_dvp->v_op->vop_create == NULL) {
		error = -EPERM;
		goto out;
	}
	vattr_new(nd.ni_dvp, (mode & S_IFMT) | umask_apply(mode & 07777), &va);
	if (S_ISCHR(mode) || S_ISBLK(mode))
		va.va_rdev = dev;
	error = nd.ni_dvp->v_op->vop_create(nd.ni_dvp, nd.ni_name,
	    nd.ni_namelen, &va, &vp);
	if (error == 0) {
		vfs_notify_create(nd.ni_dvp, nd.ni_name, nd.ni_namelen, vp,
		    false);
		vrele(vp);
	}
out:
	namei_done(&nd);
	return error;
}

long
sys_mkdirat(int dirfd, const char *path, mode_t mode)
{
	char *kp;
	long error = namei_getpath(path, &kp);

	if (error == 0) {
		error = vfs_mkdirat(dirfd, kp, mode);
		namei_putpath(kp);
	}
	return error;
}

long
sys_mkdir(const char *path, mode_t mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

long
sys_mknodat(int dirfd, const char *path, mode_t mode, unsigned int dev)
{
	char *kp;
	long error = namei_getpath(path, &kp);

	if (error == 0) {
		error = vfs_mknodat(dirfd, kp, mode, dev_from_old(dev));
		namei_putpath(kp);
	}
	return error;
}

long
sys_mknod(const char *path, mode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}

long
sys_symlinkat(const char *target, int newdirfd, const char *linkpath)
{
	struct nameidata nd;
	struct vattr va;
	struct vnode *vp;
	char *ktarget, *kpath;
	long error;

	error = namei_getpath(target, &ktarget);
	if (error != 0)
		return error;
	error = namei_getpath(linkpath, &kpath);
	if (error != 0)
		goto out_target;
	if (ktarget[0] == '\0') {
		error = -ENOENT;
		goto out_path;
	}
	error = create_lookup(newdirfd, kpath, false, &nd);
	if (error != 0)
		goto out_path;
	if (nd.ni_dvp->v_op->vop_symlink == NULL) {
		error = -EPERM;
		goto out_nd;
	}
	vattr_new(nd.ni_dvp, S_IFLNK | 0777, &va);
	error = nd.ni_dvp->v_op->vop_symlink(nd.ni_dvp, nd.ni_name,
	    nd.ni_namelen, &va, ktarget, &vp);
	if (error == 0) {
		vfs_notify_create(nd.ni_dvp, nd.ni_name, nd.ni_namelen, vp,
		    false);
		vrele(vp);
	}
out_nd:
	namei_done(&nd);
out_path:
	namei_putpath(kpath);
out_target:
	namei_putpath(ktarget);
	return error;
}

long
sys_symlink(const char *target, const char *linkpath)
{
	return sys_symlinkat(target, AT_FDCWD, linkpath);
}

long
sys_linkat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, int flags)
{
	struct nameidata ond, nnd;
	char *kold, *knew;
	struct vnode *vp;
	long error;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	error = namei_getpath(oldpath, &kold);
	if (error != 0)
		return error;
	error = namei_getpath(newpath, &knew);
	if (error != 0)
		goto out_old;
	/* Linking a descriptor itself needs CAP_DAC_READ_SEARCH: root. */
	if ((flags & AT_EMPTY_PATH) && kold[0] == '\0' &&
	    vnode_cred()->cr_euid != 0) {
		error = -ENOENT;
		goto out_new;
	}
	error = namei(olddirfd, kold,
	    ((flags & AT_SYMLINK_FOLLOW) ? NI_FOLLOW : 0) |
	    ((flags & AT_EMPTY_PATH) ? NI_EMPTYPATH : 0), &ond);
	if (error != 0)
		goto out_new;
	vp = ond.ni_vp;
	error = namei(newdirfd, knew, NI_PARENT, &nnd);
	if (error != 0)
		goto out_ond;
	if (nnd.ni_vp != NULL || nnd.ni_namelen == 0 || nd_isdot(&nnd)) {
		error = -EEXIST;
		goto out_nnd;
	}
	if (nnd.ni_trailslash) {
		error = -ENOENT;
		goto out_nnd;
	}
	if (nnd.ni_dvp->v_mount != vp->v_mount) {
		error = -EXDEV;
		goto out_nnd;
	}
	error = may_create(nnd.ni_dvp);
	if (error != 0)
		goto out_nnd;
	if (vn_isdir(vp) || nnd.ni_dvp->v_op->vop_link == NULL) {
		error = -EPERM;
		goto out_nnd;
	}
	error = nnd.ni_dvp->v_op->vop_link(nnd.ni_dvp, nnd.ni_name,
	    nnd.ni_namelen, vp);
	if (error == 0)
		vfs_notify_create(nnd.ni_dvp, nnd.ni_name, nnd.ni_namelen, vp,
		    true);
out_nnd:
	namei_done(&nnd);
out_ond:
	namei_done(&ond);
out_new:
	namei_putpath(knew);
out_old:
	namei_putpath(kold);
	return error;
}

long
sys_link(const char *oldpath, const char *newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

static int
do_rmdir(int dirfd, const char *path)
{
	struct nameidata nd;
	struct vnode *vp, *root;
	int error;

	error = namei(dirfd, path, NI_PARENT, &nd);
	if (error != 0)
		return error;
	vp = nd.ni_vp;
	if (nd.ni_namelen == 0) {
		error = -EBUSY;
		goto out;
	}
	if (nd.ni_namelen == 1 && nd.ni_name[0] == '.') {
		error = -EINVAL;
		goto out;
	}
	if (nd_isdot(&nd)) {
		error = -ENOTEMPTY;
		goto out;
	}
	if (vp == NULL) {
		error = -ENOENT;
		goto out;
	}
	/* Permission first, then the type: Linux's order. */
	error = may_delete(nd.ni_dvp, vp);
	if (error != 0)
		goto out;
	if (!vn_isdir(vp)) {
		error = -ENOTDIR;
		goto out;
	}
	root = root_get();
	if ((vp->v_vflag & VV_ROOT) || vp == root)
		error = -EBUSY;
	if (root != NULL)
		vrele(root);
	if (error != 0)
		goto out;
	if (nd.ni_dvp->v_op->vop_rmdir == NULL) {
		error = -EPERM;
		goto out;
	}
	error = nd.ni_dvp->v_op->vop_rmdir(nd.ni_dvp, nd.ni_name,
	    nd.ni_namelen, vp);
	if (error == 0)
		vfs_notify_remove(nd.ni_dvp, nd.ni_name, nd.ni_namelen, vp,
		    false);
out:
	namei_done(&nd);
	return error;
}

static int
do_unlink(int dirfd, const char *path)
{
	struct nameidata nd;
	struct vnode *vp;
	int error;

	error = namei(dirfd, path, NI_PARENT, &nd);
	if (error != 0)
		return error;
	vp = nd.ni_vp;
	if (nd.ni_namelen == 0 || nd_isdot(&nd)) {
		error = -EISDIR;
		goto out;
	}
	if (vp == NULL) {
		error = -ENOENT;
		goto out;
	}
	if (nd.ni_trailslash) {
		error = vn_isdir(vp) ? -EISDIR : -ENOTDIR;
		goto out;
	}
	error = may_delete(nd.ni_dvp, vp);
	if (error != 0)
		goto out;
	if (vn_isdir(vp)) {
		error = -EISDIR;
		goto out;
	}
	if (vp->v_vflag & VV_ROOT) {
		error = -EBUSY;
		goto out;
	}
	if (nd.ni_dvp->v_op->vop_remove == NULL) {
		error = -EPERM;
		goto out;
	}
	error = nd.ni_dvp->v_op->vop_remove(nd.ni_dvp, nd.ni_name,
	    nd.ni_namelen, vp);
	if (error == 0)
		vfs_notify_remove(nd.ni_dvp, nd.ni_name, nd.ni_namelen, vp,
		    true);
out:
	namei_done(&nd);
	return error;
}

int
vfs_unlinkat(int dirfd, const char *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return (flags & AT_REMOVEDIR) ? do_rmdir(dirfd, path)
	    : do_unlink(dirfd, path);
}

long
sys_unlinkat(int dirfd, const char *path, int flags)
{
	char *kp;
	long error;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	error = namei_getpath(path, &kp);
	if (error == 0) {
		error = vfs_unlinkat(dirfd, kp, flags);
		namei_putpath(kp);
	}
	return error;
}

long
sys_unlink(const char *path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

long
sys_rmdir(const char *path)
{
	return sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

long
sys_getdents64(int fd, struct linux_dirent64 *dirp, size_t count)
{
	struct file *f = fd_getfile(fd);
	struct vnode *vp;
	struct iovec iov;
	struct uio uio;
	off_t off;
	long n;

	if (f == NULL)
		return -EBADF;
	vp = f->f_vnode;
	if (f->f_flag & O_PATH) {
		n = -EBADF;
		goto out;
	}
	if (vp == NULL || !vn_isdir(vp) || vp->v_op->vop_readdir == NULL) {
		n = -ENOTDIR;
		goto out;
	}
	if (count > INT_MAX)
		count = INT_MAX;
	iov.iov_base = dirp;
	iov.iov_len = count;
	uio = (struct uio){ .uio_iov = &iov, .uio_iovcnt = 1,
		.uio_resid = count, .uio_rw = UIO_READ, .uio_user = true };
	mutex_enter(&f->f_lock);
	off = f->f_offset;
	n = vp->v_op->vop_readdir(vp, &uio, &off);
	if (n >= 0)
		f->f_offset = off;
	mutex_exit(&f->f_lock);
out:
	file_rele(f);
	return n;
}
