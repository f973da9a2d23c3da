/*
 * etfs.c -- host files inside the kernel (rump_etfs_register): a node
 * is made at the key path on whatever file system holds it, and its
 * vnode gets operations that send data to the host file through
 * rumpuser_iovread/iovwrite, while names, owners and modes stay the
 * file system's.  The registration holds a vnode reference; after
 * rump_etfs_remove the host file is closed when the last user lets go.
 */
#include "vfs_int.h"
#include <rumpuser.h>
#include <rump/rump_etfs.h>

#define ETFS_CHUNK (16 * PAGE_SIZE)

struct etfs {
	struct etfs *et_next;
	char *et_key;
	char *et_hostpath;
	struct vnode *et_vp;
	int et_hostfd;
	int et_type;
	bool et_rdonly;
	bool et_removed;
};

static kmutex_t etfs_lock;
static bool etfs_inited;
static struct etfs *etfs_list;

#define VTOET(vp) ((struct etfs *)(vp)->v_etfs)

static ssize_t
etfs_io(struct vnode *vp, struct uio *uio, int ioflag, bool wr)
{
	struct etfs *et = VTOET(vp);
	char *buf;
	size_t done = 0;
	int error = 0;

	if (uio->uio_offset < 0)
		return -EINVAL;
	if (wr && (ioflag & IO_APPEND)) {
		uint64_t size;
		error = rumpuser_getfileinfo(et->et_hostpath, &size, NULL);
		if (error != 0)
			return -error;
		uio->uio_offset = (off_t)size;
	}
	buf = kmem_alloc(ETFS_CHUNK, KM_SLEEP);
	if (buf == NULL)
		return -ENOMEM;
	while (uio->uio_resid > 0) {
		size_t n = MIN(uio->uio_resid, ETFS_CHUNK);
		struct rumpuser_iovec iov = { buf, n };
		off_t off = uio->uio_offset;
		uint64_t moved = 0;

		if (wr) {
			error = uiomove(buf, n, uio);
			if (error != 0)
				break;
			error = -rumpuser_iovwrite(et->et_hostfd, &iov, 1, off,
			    &moved);
			if (error == 0 && moved < n) {
				/* Give back what the host did not take. */
				uio->uio_resid += n - moved;
				uio->uio_offset -= (off_t)(n - moved);
			}
		} else {
			error = -rumpuser_iovread(et->et_hostfd, &iov, 1, off,
			    &moved);
			if (error == 0)
				error = uiomove(buf, (size_t)moved, uio);
		}
		if (error != 0)
			break;
		done += (size_t)moved;
		if (moved < n)
			break;
	}
	kmem_free(buf, ETFS_CHUNK);
	return done > 0 ? (ssize_t)done : error;
}

static ssize_t
etfs_read(struct vnode *vp, struct uio *uio, int ioflag)
{
	return etfs_io(vp, uio, ioflag, false);
}

static ssize_t
etfs_write(struct vnode *vp, struct uio *uio, int ioflag)
{
	if (VTOET(vp)->et_rdonly)
		return -EBADF;
	return etfs_io(vp, uio, ioflag, true);
}

static int
etfs_getattr(struct vnode *vp, struct vattr *va)
{
	struct etfs *et = VTOET(vp);
	uint64_t size;
	int error = vp->v_fsop->vop_getattr(vp, va);

	if (error != 0)
		return error;
	if (rumpuser_getfileinfo(et->et_hostpath, &size, NULL) == 0) {
		va->va_size = (off_t)size;
		va->va_bytes = size;
	}
	return 0;
}

static int
etfs_setattr(struct vnode *vp, const struct vattr *va)
{
	if (va->va_mask & VA_SIZE)
		return -EOPNOTSUPP; /* the hypercalls cannot truncate */
	return vp->v_fsop->vop_setattr(vp, va);
}

static int
etfs_fsync(struct vnode *vp, bool dataonly)
{
	struct etfs *et = VTOET(vp);

	(void)dataonly;
	if (et->et_rdonly)
		return 0;
	return -rumpuser_syncfd(et->et_hostfd,
	    RUMPUSER_SYNCFD_WRITE | RUMPUSER_SYNCFD_SYNC, 0, 0);
}

static void
etfs_inactive(struct vnode *vp)
{
	struct etfs *et = VTOET(vp);
	const struct vnodeops *fsop = vp->v_fsop;

	/*
	 * The registration holds a reference until rump_etfs_remove, so
	 * this is the last user after it: the host file goes, the vnode is
	 * the file system's again (its name was removed).
	 */
	if (et->et_removed) {
		mutex_enter(&vp->v_interlock);
		vp->v_op = fsop;
		vp->v_etfs = NULL;
		vp->v_fsop = NULL;
		mutex_exit(&vp->v_interlock);
		rumpuser_close(et->et_hostfd);
		kmem_strfree(et->et_key);
		kmem_strfree(et->et_hostpath);
		kmem_free(et, sizeof(*et));
	}
	if (fsop->vop_inactive != NULL)
		fsop->vop_inactive(vp);
	else
		vnode_drop_last(vp);
}

static int
etfs_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode **vpp)
{
	(void)name;
	(void)len;
	(void)vpp;
	(void)dvp;
	return -ENOTDIR;
}

static int
etfs_allocate(struct vnode *vp, int mode, off_t off, off_t len)
{
	(void)vp;
	(void)mode;
	(void)off;
	(void)len;
	return -EOPNOTSUPP;
}

static const struct vnodeops etfs_vnodeops = {
	.vop_lookup = etfs_lookup,
	.vop_read = etfs_read,
	.vop_write = etfs_write,
	.vop_getattr = etfs_getattr,
	.vop_setattr = etfs_setattr,
	.vop_fsync = etfs_fsync,
	.vop_allocate = etfs_allocate,
	.vop_inactive = etfs_inactive,
};

static void
etfs_init_once(void)
{
	/* rump_init() runs components one at a time, and these calls come
	 * after it: the first caller sets the lock up. */
	if (!etfs_inited) {
		mutex_init(&etfs_lock, MUTEX_DEFAULT);
		etfs_inited = true;
	}
}

static struct etfs *
etfs_find(const char *key)
{
	struct etfs *et;

	for (et = etfs_list; et != NULL; et = et->et_next)
		if (strcmp(et->et_key, key) == 0)
			return et;
	return NULL;
}

static int
etfs_register(const char *key, const char *hostpath, int type)
{
	struct etfs *et;
	struct vnode *vp;
	uint64_t size;
	int ft, error, mode;

	if (key == NULL || key[0] != '/' || hostpath == NULL ||
	    (type != RUMP_ETFS_REG && type != RUMP_ETFS_BLK))
		return -EINVAL;
	error = -rumpuser_getfileinfo(hostpath, &size, &ft);
	if (error != 0)
		return error;
	if (ft == RUMPUSER_FT_DIR)
		return -EISDIR;
	et = kmem_zalloc(sizeof(*et), KM_SLEEP);
	if (et == NULL)
		return -ENOMEM;
	et->et_type = type;
	et->et_key = kmem_strdup(key, KM_SLEEP);
	et->et_hostpath = kmem_strdup(hostpath, KM_SLEEP);
	if (et->et_key == NULL || et->et_hostpath == NULL) {
		error = -ENOMEM;
		goto out_free;
	}
	mode = RUMPUSER_OPEN_RDWR | (type == RUMP_ETFS_BLK ? RUMPUSER_OPEN_BIO : 0);
	error = -rumpuser_open(hostpath, mode, &et->et_hostfd);
	if (error != 0) {
		mode = (mode & ~RUMPUSER_OPEN_ACCMODE) | RUMPUSER_OPEN_RDONLY;
		error = -rumpuser_open(hostpath, mode, &et->et_hostfd);
		if (error != 0)
			goto out_free;
		et->et_rdonly = true;
	}
	error = vfs_mknodat(AT_FDCWD, key,
	    type == RUMP_ETFS_BLK ? S_IFBLK | 0600 : S_IFREG | 0644,
	    dev_make(0, 0));
	if (error != 0)
		goto out_close;
	error = vfs_lookup(key, &vp);
	if (error != 0)
		goto out_close;
	mutex_enter(&etfs_lock);
	et->et_vp = vp;
	vp->v_fsop = vp->v_op;
	vp->v_etfs = et;
	vp->v_op = &etfs_vnodeops;
	et->et_next = etfs_list;
	etfs_list = et;
	mutex_exit(&etfs_lock);
	return 0;

out_close:
	rumpuser_close(et->et_hostfd);
out_free:
	if (et->et_key != NULL)
		kmem_strfree(et->et_key);
	if (et->et_hostpath != NULL)
		kmem_strfree(et->et_hostpath);
	kmem_free(et, sizeof(*et));
	return error;
}

int
rump_etfs_register(const char *key, const char *hostpath, int type)
{
	int error;

	rump_schedule();
	etfs_init_once();
	error = etfs_register(key, hostpath, type);
	rump_unschedule();
	return -error;
}

int
rump_etfs_remove(const char *key)
{
	struct etfs *et, **pp;
	int error = 0;

	rump_schedule();
	etfs_init_once();
	mutex_enter(&etfs_lock);
	et = key != NULL ? etfs_find(key) : NULL;
	if (et != NULL) {
		for (pp = &etfs_list; *pp != et; pp = &(*pp)->et_next)
			;
		*pp = et->et_next;
		et->et_removed = true;
	}
	mutex_exit(&etfs_lock);
	if (et == NULL) {
		error = ENOENT;
	} else {
		struct vnode *vp;
		/* The name goes if it still names our file. */
		if (vfs_lookup(key, &vp) == 0) {
			if (vp == et->et_vp)
				vfs_unlinkat(AT_FDCWD, key, 0);
			vrele(vp);
		}
		vrele(et->et_vp);
	}
	rump_unschedule();
	return error;
}

const char *
etfs_hostpath(struct vnode *vp, bool *rdonlyp)
{
	struct etfs *et;

	if (vp->v_op != &etfs_vnodeops)
		return NULL;
	et = VTOET(vp);
	if (et->et_type != RUMP_ETFS_BLK)
		return NULL;
	if (rdonlyp != NULL)
		*rdonlyp = et->et_rdonly;
	return et->et_hostpath;
}
