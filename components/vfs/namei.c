/*
 * namei.c -- path name lookup: absolute and relative paths, *at()
 * directory descriptors, symlinks (at most MAXSYMLINKS per lookup),
 * ".." across mount points and never above the process's root, and
 * trailing slashes.  With NI_PARENT a last component with a trailing
 * slash is never followed (Linux fails such creates with EISDIR before
 * it would follow).
 */
#include "vfs_int.h"
#include "vfs_notify.h"

int
namei_getpath(const char *upath, char **kpathp)
{
	char *buf = kmem_alloc(PATH_MAX, KM_SLEEP);
	int error;

	if (buf == NULL)
		return -ENOMEM;
	error = copyinstr(upath, buf, PATH_MAX, NULL);
	if (error != 0) {
		kmem_free(buf, PATH_MAX);
		return error;
	}
	*kpathp = buf;
	return 0;
}

void
namei_putpath(char *kpath)
{
	if (kpath != NULL)
		kmem_free(kpath, PATH_MAX);
}

int
at_getvnode(int dirfd, struct vnode **vpp)
{
	struct file *f;

	if (dirfd == AT_FDCWD) {
		*vpp = cwd_get();
		return *vpp != NULL ? 0 : -ENOENT;
	}
	f = fd_getfile(dirfd);
	if (f == NULL)
		return -EBADF;
	if (f->f_vnode == NULL) {
		file_rele(f);
		return -ENOTDIR;
	}
	vref(f->f_vnode);
	*vpp = f->f_vnode;
	file_rele(f);
	return 0;
}

/* Go from a mount's root to the directory it covers, as often as needed. */
struct vnode *
namei_cross_up(struct vnode *vp, struct vnode *root)
{
	while (vp != root && (vp->v_vflag & VV_ROOT) &&
	    vp->v_mount->mnt_covered != NULL) {
		struct vnode *covered = vp->v_mount->mnt_covered;
		vref(covered);
		vrele(vp);
		vp = covered;
	}
	return vp;
}

/* Go from a covered directory to the root of what is mounted on it. */
static struct vnode *
cross_down(struct vnode *vp)
{
	for (;;) {
		struct vnode *r = NULL;

		mutex_enter(&mount_lock);
		if (vp->v_mountedhere != NULL) {
			r = vp->v_mountedhere->mnt_root;
			vref(r);
		}
		mutex_exit(&mount_lock);
		if (r == NULL)
			return vp;
		vrele(vp);
		vp = r;
	}
}

/* The entry name of directory dvp, referenced; mounts crossed. */
static int
lookup_child(struct vnode *dvp, const char *name, size_t len,
    struct vnode *root, struct vnode **vpp)
{
	struct vnode *vp;
	int error;

	if (len == 1 && name[0] == '.') {
		vref(dvp);
		*vpp = dvp;
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		vref(dvp);
		dvp = namei_cross_up(dvp, root);
		if (dvp == root) {
			*vpp = dvp;
			return 0;
		}
		error = dvp->v_op->vop_lookup(dvp, name, len, vpp);
		vrele(dvp);
		return error;
	}
	vp = cache_lookup(dvp, name, len);
	if (vp == NULL) {
		error = dvp->v_op->vop_lookup(dvp, name, len, &vp);
		if (error != 0)
			return error;
	}
	*vpp = cross_down(vp);
	return 0;
}

/* Read symlink vp's target into buf (PATH_MAX); its length or -errno. */
static ssize_t
read_link(struct vnode *vp, char *buf)
{
	struct iovec iov = { buf, PATH_MAX - 1 };
	struct uio uio = {
		.uio_iov = &iov, .uio_iovcnt = 1, .uio_offset = 0,
		.uio_resid = PATH_MAX - 1, .uio_rw = UIO_READ,
		.uio_user = false,
	};
	ssize_t n;

	if (vp->v_op->vop_readlink == NULL)
		return -EINVAL;
	n = vp->v_op->vop_readlink(vp, &uio);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

void
namei_done(struct nameidata *nd)
{
	if (nd->ni_dvp != NULL)
		vrele(nd->ni_dvp);
	if (nd->ni_vp != NULL)
		vrele(nd->ni_vp);
	nd->ni_dvp = nd->ni_vp = NULL;
}

int
namei(int dirfd, const char *path, int flags, struct nameidata *nd)
{
	struct vnode *root, *cur = NULL, *child;
	char *bufs[2] = { NULL, NULL };
	int nextbuf = 0;
	const char *p;
	int error;

	memset(nd, 0, sizeof(*nd));
	if (path[0] == '\0') {
		if (!(flags & NI_EMPTYPATH) || (flags & NI_PARENT))
			return -ENOENT;
		return at_getvnode(dirfd, &nd->ni_vp);
	}
	root = root_get();
	if (root == NULL)
		return -ENOENT;
	if (path[0] == '/') {
		vref(root);
		cur = root;
	} else {
		error = at_getvnode(dirfd, &cur);
		if (error != 0)
			goto out;
	}

	p = path;
	for (;;) {
		const char *comp, *next;
		size_t len;
		bool trail, islast;

		while (*p == '/')
			p++;
		if (*p == '\0') {
			/* Nothing after the slashes: "/" itself, or a
			 * symlink to "/". */
			nd->ni_vp = cur;
			nd->ni_trailslash = true;
			cur = NULL;
			error = 0;
			goto out;
		}
		comp = p;
		for (len = 0; comp[len] != '\0' && comp[len] != '/'; len++)
			;
		if (len > NAME_MAX) {
			error = -ENAMETOOLONG;
			goto out;
		}
		next = comp + len;
		trail = *next == '/';
		while (*next == '/')
			next++;
		islast = *next == '\0';

		if (!vn_isdir(cur)) {
			error = -ENOTDIR;
			goto out;
		}
		error = vn_access(cur, X_OK);
		if (error != 0)
			goto out;
		error = lookup_child(cur, comp, len, root, &child);
		if (islast && (flags & NI_PARENT) && error == -ENOENT) {
			child = NULL;
			error = 0;
		}
		if (error != 0)
			goto out;

		if (child != NULL && vn_islnk(child) &&
		    (!islast || (trail ? !(flags & NI_PARENT)
			: (flags & NI_FOLLOW) != 0))) {
			char *nb;
			ssize_t n;
			size_t restlen;

			if (++nd->ni_nlinks > MAXSYMLINKS) {
				vrele(child);
				error = -ELOOP;
				goto out;
			}
			if (bufs[nextbuf] == NULL) {
				bufs[nextbuf] = kmem_alloc(PATH_MAX, KM_SLEEP);
				if (bufs[nextbuf] == NULL) {
					vrele(child);
					error = -ENOMEM;
					goto out;
				}
			}
			nb = bufs[nextbuf];
			nextbuf ^= 1;
			n = read_link(child, nb);
			vrele(child);
			if (n < 0) {
				error = (int)n;
				goto out;
			}
			if (n == 0) {
				error = -ENOENT;
				goto out;
			}
			/* The target, then what was left of the path
			 * (keeping a trailing slash). */
			restlen = islast ? (trail ? 1 : 0) : 1 + strlen(next);
			if ((size_t)n + restlen >= PATH_MAX) {
				error = -ENAMETOOLONG;
				goto out;
			}
			if (islast) {
				if (trail)
					nb[n++] = '/';
				nb[n] = '\0';
			} else {
				nb[n] = '/';
				memcpy(nb + n + 1, next, restlen);
			}
			if (nb[0] == '/') {
				vrele(cur);
				vref(root);
				cur = root;
			}
			p = nb;
			continue;
		}

		/* inotify: the name a file was last reached by. */
		if (islast && child != NULL)
			vfs_notify_lookup(cur, comp, len, child);
		if (islast && (flags & NI_PARENT)) {
			memcpy(nd->ni_name, comp, len);
			nd->ni_name[len] = '\0';
			nd->ni_namelen = len;
			nd->ni_trailslash = trail;
			nd->ni_dvp = cur;
			nd->ni_vp = child;
			cur = NULL;
			goto out;
		}
		vrele(cur);
		cur = child;
		p = next;
		if (islast) {
			if (trail && !vn_isdir(cur)) {
				error = -ENOTDIR;
				goto out;
			}
			nd->ni_trailslash = trail;
			nd->ni_vp = cur;
			cur = NULL;
			goto out;
		}
	}

out:
	if (cur != NULL)
		vrele(cur);
	vrele(root);
	for (int i = 0; i < 2; i++)
		if (bufs[i] != NULL)
			kmem_free(bufs[i], PATH_MAX);
	if (error != 0)
		namei_done(nd);
	return error;
}
