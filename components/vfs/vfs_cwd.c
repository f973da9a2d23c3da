/*
 * vfs_cwd.c -- chdir(2), fchdir(2) and getcwd(2).  getcwd walks up
 * through ".." and finds each directory's name in its parent by
 * reading the parent, so no file system has to remember names.
 */
#include "vfs_int.h"
#include "vfs_sys.h"

static int
chdir_vnode(struct vnode *vp)
{
	int error;

	if (!vn_isdir(vp)) {
		vrele(vp);
		return -ENOTDIR;
	}
	error = vn_access(vp, X_OK);
	if (error != 0) {
		vrele(vp);
		return error;
	}
	return cwd_set(vp);
}

long
sys_chdir(const char *path)
{
	struct nameidata nd;
	char *kpath;
	int error;

	error = namei_getpath(path, &kpath);
	if (error != 0)
		return error;
	error = namei(AT_FDCWD, kpath, NI_FOLLOW, &nd);
	namei_putpath(kpath);
	if (error != 0)
		return error;
	return chdir_vnode(nd.ni_vp);
}

long
sys_fchdir(int fd)
{
	struct vnode *vp;
	int error = fd_getvnode(fd, &vp, NULL);

	if (error != 0)
		return error == -EINVAL ? -ENOTDIR : error;
	return chdir_vnode(vp);
}

long
sys_chroot(const char *path)
{
	struct nameidata nd;
	char *kpath;
	int error;

	error = namei_getpath(path, &kpath);
	if (error != 0)
		return error;
	error = namei(AT_FDCWD, kpath, NI_FOLLOW, &nd);
	namei_putpath(kpath);
	if (error != 0)
		return error;
	if (!vn_isdir(nd.ni_vp))
		error = -ENOTDIR;
	else
		error = vn_access(nd.ni_vp, X_OK);
	if (error == 0 && vnode_cred()->cr_euid != 0)
		error = -EPERM;
	if (error != 0) {
		namei_done(&nd);
		return error;
	}
	return root_set(nd.ni_vp);
}

/* The name of the entry of dvp with inode number ino, into name. */
static int
name_in_dir(struct vnode *dvp, ino_t ino, char *name)
{
	char *buf;
	off_t off = 0;
	int error = -ENOENT;

	if (dvp->v_op->vop_readdir == NULL)
		return -ENOENT;
	buf = kmem_alloc(PAGE_SIZE, KM_SLEEP);
	if (buf == NULL)
		return -ENOMEM;
	for (;;) {
		struct iovec iov = { buf, PAGE_SIZE };
		struct uio uio = { .uio_iov = &iov, .uio_iovcnt = 1,
			.uio_resid = PAGE_SIZE, .uio_rw = UIO_READ,
			.uio_user = false };
		ssize_t n = dvp->v_op->vop_readdir(dvp, &uio, &off);
		size_t pos = 0;

		if (n <= 0) {
			if (n < 0)
				error = (int)n;
			break;
		}
		while (pos < (size_t)n) {
			struct linux_dirent64 *d =
			    (struct linux_dirent64 *)(buf + pos);
			if (d->d_ino == ino && strcmp(d->d_name, ".") != 0 &&
			    strcmp(d->d_name, "..") != 0) {
				strlcpy(name, d->d_name, NAME_MAX + 1);
				error = 0;
				goto out;
			}
			pos += d->d_reclen;
		}
	}
out:
	kmem_free(buf, PAGE_SIZE);
	return error;
}

long
sys_getcwd(char *ubuf, size_t size)
{
	struct vnode *cur, *root, *parent;
	char *buf, name[NAME_MAX + 1];
	size_t pos = PATH_MAX - 1, len;
	struct vattr va;
	long error = 0;

	buf = kmem_alloc(PATH_MAX, KM_SLEEP);
	if (buf == NULL)
		return -ENOMEM;
	buf[pos] = '\0';
	cur = cwd_get();
	root = root_get();
	if (cur == NULL || root == NULL) {
		error = -ENOENT;
		goto out;
	}
	error = vn_getattr(cur, &va);
	if (error == 0 && va.va_nlink == 0)
		error = -ENOENT; /* removed while we were in it */
	while (error == 0) {
		cur = namei_cross_up(cur, root);
		if (cur == root)
			break;
		error = vn_getattr(cur, &va);
		if (error != 0)
			break;
		error = cur->v_op->vop_lookup(cur, "..", 2, &parent);
		if (error != 0)
			break;
		error = name_in_dir(parent, va.va_ino, name);
		vrele(cur);
		cur = parent;
		if (error != 0)
			break;
		len = strlen(name);
		if (len + 1 > pos) {
			error = -ENAMETOOLONG;
			break;
		}
		pos -= len;
		memcpy(buf + pos, name, len);
		buf[--pos] = '/';
	}
	if (error != 0)
		goto out;
	if (pos == PATH_MAX - 1)
		buf[--pos] = '/';
	len = PATH_MAX - pos;
	if (len > size) {
		error = -ERANGE;
		goto out;
	}
	error = copyout(buf + pos, ubuf, len);
	if (error == 0)
		error = (long)len;
out:
	if (cur != NULL)
		vrele(cur);
	if (root != NULL)
		vrele(root);
	kmem_free(buf, PATH_MAX);
	return error;
}
