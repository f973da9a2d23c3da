/*
 * vnode.c -- vnode allocation, reference counting, permission checks
 * and kernel-buffer I/O.
 */
#include "vfs_int.h"
#include "vfs_notify.h"

struct vnode *
vnode_alloc(struct mount *mp, mode_t type, const struct vnodeops *ops,
    void *data)
{
	struct vnode *vp = kmem_zalloc(sizeof(*vp), KM_SLEEP);

	if (vp == NULL)
		return NULL;
	mutex_init(&vp->v_interlock, MUTEX_DEFAULT);
	rw_init(&vp->v_lock);
	cv_init(&vp->v_flockcv);
	vp->v_usecount = 1;
	vp->v_type = type & S_IFMT;
	vp->v_mount = mp;
	vp->v_op = ops;
	vp->v_data = data;
	if (mp != NULL)
		atomic_inc(&mp->mnt_activevnodes);
	return vp;
}

void
vnode_free(struct vnode *vp)
{
	KASSERT(vp->v_usecount == 0);
	if (vfs_notify_on())
		inotify_vnode_gone(vp);
	cache_purge(vp);
	cv_destroy(&vp->v_flockcv);
	rw_destroy(&vp->v_lock);
	mutex_destroy(&vp->v_interlock);
	kmem_free(vp, sizeof(*vp));
}

void
vref(struct vnode *vp)
{
	mutex_enter(&vp->v_interlock);
	if (vp->v_usecount++ == 0 && vp->v_mount != NULL)
		atomic_inc(&vp->v_mount->mnt_activevnodes);
	mutex_exit(&vp->v_interlock);
}

void
vrele(struct vnode *vp)
{
	mutex_enter(&vp->v_interlock);
	KASSERT(vp->v_usecount > 0);
	if (vp->v_usecount > 1) {
		vp->v_usecount--;
		mutex_exit(&vp->v_interlock);
		return;
	}
	mutex_exit(&vp->v_interlock);
	/*
	 * The last reference: the file system drops it under its own lock
	 * (vnode_drop_last), so that a vref racing with us either comes
	 * first (and the vnode stays) or finds the node gone.
	 */
	if (vp->v_op->vop_inactive != NULL)
		vp->v_op->vop_inactive(vp);
	else
		vnode_drop_last(vp);
}

bool
vnode_drop_last(struct vnode *vp)
{
	struct mount *mp = vp->v_mount;
	int n;

	mutex_enter(&vp->v_interlock);
	KASSERT(vp->v_usecount > 0);
	n = --vp->v_usecount;
	mutex_exit(&vp->v_interlock);
	if (n == 0 && mp != NULL)
		atomic_dec(&mp->mnt_activevnodes);
	return n == 0;
}

int
vn_getattr(struct vnode *vp, struct vattr *va)
{
	memset(va, 0, sizeof(*va));
	if (vp->v_op->vop_getattr == NULL)
		return -ENOSYS;
	return vp->v_op->vop_getattr(vp, va);
}

/* What a setattr tells inotify watchers (Linux's fsnotify_change). */
static uint32_t
setattr_events(uint32_t m)
{
	uint32_t ev = 0;

	if (m & (VA_UID | VA_GID | VA_MODE))
		ev |= IN_ATTRIB;
	if (m & VA_SIZE)
		ev |= IN_MODIFY;
	if ((m & (VA_ATIME | VA_MTIME)) == (VA_ATIME | VA_MTIME))
		ev |= IN_ATTRIB;
	else if (m & VA_ATIME)
		ev |= IN_ACCESS;
	else if (m & VA_MTIME)
		ev |= IN_MODIFY;
	return ev;
}

int
vn_setattr(struct vnode *vp, const struct vattr *va)
{
	struct vattr cur;
	int error;

	if (vp->v_op->vop_setattr == NULL)
		return -EPERM;
	/* Growing a regular file past RLIMIT_FSIZE: EFBIG and SIGXFSZ. */
	if ((va->va_mask & VA_SIZE) && S_ISREG(vp->v_type) &&
	    fsize_limited()) {
		error = vn_getattr(vp, &cur);
		if (error != 0)
			return error;
		if (va->va_size > cur.va_size &&
		    (error = fsize_limit_grow(va->va_size)) != 0)
			return error;
	}
	error = vp->v_op->vop_setattr(vp, va);
	if (error == 0)
		vfs_notify(vp, setattr_events(va->va_mask));
	return error;
}

const struct cred *
vnode_cred(void)
{
	return &curproc->p_cred;
}

static bool
cred_ingroup(const struct cred *cr, gid_t gid, bool real)
{
	if ((real ? cr->cr_gid : cr->cr_fsgid) == gid)
		return true;
	for (int i = 0; i < cr->cr_ngroups; i++)
		if (cr->cr_groups[i] == gid)
			return true;
	return false;
}

static int
access_check(struct vnode *vp, int mode, bool real)
{
	const struct cred *cr = vnode_cred();
	uid_t uid = real ? cr->cr_uid : cr->cr_fsuid;
	struct vattr va;
	mode_t bits;
	int error;

	mode &= R_OK | W_OK | X_OK;
	error = vn_getattr(vp, &va);
	if (error != 0)
		return error;
	if (uid == 0) {
		/* Root: read and write always; execute (search) if any x
		 * bit is set, or always for directories. */
		if ((mode & X_OK) && !S_ISDIR(va.va_mode) &&
		    !(va.va_mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
			return -EACCES;
		return 0;
	}
	if (uid == va.va_uid)
		bits = (va.va_mode >> 6) & 7;
	else if (cred_ingroup(cr, va.va_gid, real))
		bits = (va.va_mode >> 3) & 7;
	else
		bits = va.va_mode & 7;
	return ((unsigned)mode & ~bits) == 0 ? 0 : -EACCES;
}

int
vn_access(struct vnode *vp, int mode)
{
	return access_check(vp, mode, false);
}

int
vn_access_real(struct vnode *vp, int mode)
{
	return access_check(vp, mode, true);
}

ssize_t
vn_rdwr(struct vnode *vp, int rw, void *buf, size_t len, off_t off,
    int ioflag)
{
	struct iovec iov = { buf, len };
	struct uio uio = {
		.uio_iov = &iov, .uio_iovcnt = 1, .uio_offset = off,
		.uio_resid = len, .uio_rw = rw, .uio_user = false,
	};

	if (rw == UIO_READ) {
		if (vp->v_op->vop_read == NULL)
			return -EINVAL;
		return vp->v_op->vop_read(vp, &uio, ioflag);
	}
	if (vp->v_op->vop_write == NULL)
		return -EINVAL;
	return vp->v_op->vop_write(vp, &uio, ioflag);
}

void
vfs_timestamp(struct timespec *ts)
{
	int64_t sec, nsec;

	nanotime(&sec, &nsec);
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}
