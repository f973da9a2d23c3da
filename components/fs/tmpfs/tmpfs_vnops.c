/*
 * tmpfs_vnops.c -- the vnode operations of tmpfs on names: lookup,
 * create, remove, link, rename, readdir; and the operations table.
 * File contents and attributes are in tmpfs_rdwr.c.  Every operation
 * takes the mount's tm_lock (tmpfs.h says why one lock is enough).
 */
#include "tmpfs.h"

static int
tmpfs_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode **vpp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	struct tmpfs_node *dn = VTON(dvp);
	struct tmpfs_dirent *de;
	int error = 0;

	rw_enter(&tm->tm_lock, RW_READER);
	if (dn->tn_nlink == 0) {
		error = -ENOENT; /* a removed directory has no entries */
	} else if (len == 2 && name[0] == '.' && name[1] == '.') {
		*vpp = dn->tn_parent->tn_vnode;
		vref(*vpp);
	} else {
		de = tmpfs_dir_find(dn, name, len);
		if (de == NULL) {
			error = -ENOENT;
		} else {
			*vpp = de->td_node->tn_vnode;
			vref(*vpp);
			cache_enter(dvp, name, len, *vpp);
		}
	}
	rw_exit(&tm->tm_lock);
	return error;
}

/* Make a node of va's type as name in dn; tm_lock held as writer. */
static int
tmpfs_mknode(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, const char *target, struct vnode **vpp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	struct tmpfs_node *dn = VTON(dvp), *tn;
	bool isdir = S_ISDIR(va->va_mode);
	int error;

	if (dn->tn_nlink == 0)
		return -ENOENT;
	if (tmpfs_dir_find(dn, name, len) != NULL)
		return -EEXIST;
	if (isdir && dn->tn_nlink >= 0xffffffffU)
		return -EMLINK;
	error = tmpfs_node_alloc(dvp->v_mount, va, &tn);
	if (error != 0)
		return error;
	if (target != NULL) {
		tn->tn_link = kmem_strdup(target, KM_SLEEP);
		if (tn->tn_link == NULL) {
			error = -ENOSPC;
			goto out_free;
		}
		tn->tn_size = (off_t)strlen(target);
	}
	error = tmpfs_dir_add(dn, name, len, tn);
	if (error != 0)
		goto out_free;
	if (isdir) {
		tn->tn_nlink = 2;
		tn->tn_parent = dn;
		dn->tn_nlink++;
	}
	tmpfs_touch(dn, TN_MTIME | TN_CTIME);
	*vpp = tn->tn_vnode;
	return 0;

out_free:
	tn->tn_nlink = 0;
	vnode_drop_last(tn->tn_vnode);
	tmpfs_node_free(tm, tn);
	return error;
}

static int
tmpfs_create(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, struct vnode **vpp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	int error;

	if (S_ISDIR(va->va_mode) || S_ISLNK(va->va_mode))
		return -EINVAL;
	rw_enter(&tm->tm_lock, RW_WRITER);
	error = tmpfs_mknode(dvp, name, len, va, NULL, vpp);
	rw_exit(&tm->tm_lock);
	return error;
}

static int
tmpfs_mkdir(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, struct vnode **vpp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	int error;

	rw_enter(&tm->tm_lock, RW_WRITER);
	error = tmpfs_mknode(dvp, name, len, va, NULL, vpp);
	rw_exit(&tm->tm_lock);
	return error;
}

static int
tmpfs_symlink(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, const char *target, struct vnode **vpp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	int error;

	if (strlen(target) >= PATH_MAX)
		return -ENAMETOOLONG;
	rw_enter(&tm->tm_lock, RW_WRITER);
	error = tmpfs_mknode(dvp, name, len, va, target, vpp);
	rw_exit(&tm->tm_lock);
	return error;
}

static ssize_t
tmpfs_readlink(struct vnode *vp, struct uio *uio)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	size_t before = uio->uio_resid;
	int error;

	rw_enter(&tm->tm_lock, RW_READER);
	error = uiomove(tn->tn_link, (size_t)tn->tn_size, uio);
	tmpfs_touch_atime(tn);
	rw_exit(&tm->tm_lock);
	return error != 0 ? error : (ssize_t)(before - uio->uio_resid);
}

/* Drop one link of tn (removed from dn); tm_lock held as writer. */
static void
tmpfs_droplink(struct tmpfs_node *dn, struct tmpfs_node *tn)
{
	if (S_ISDIR(tn->tn_mode)) {
		tn->tn_nlink = 0;
		dn->tn_nlink--;
	} else {
		tn->tn_nlink--;
	}
	tmpfs_touch(tn, TN_CTIME);
}

static int
tmpfs_remove(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	struct tmpfs_node *dn = VTON(dvp);
	struct tmpfs_dirent *de;
	int error = 0;

	rw_enter(&tm->tm_lock, RW_WRITER);
	de = tmpfs_dir_find(dn, name, len);
	if (de == NULL || de->td_node->tn_vnode != vp) {
		error = -ENOENT; /* it changed under us */
		goto out;
	}
	if (S_ISDIR(de->td_node->tn_mode)) {
		error = -EISDIR;
		goto out;
	}
	cache_remove(dvp, name, len);
	tmpfs_droplink(dn, de->td_node);
	tmpfs_dir_unlink(dn, de);
	tmpfs_touch(dn, TN_MTIME | TN_CTIME);
out:
	rw_exit(&tm->tm_lock);
	return error;
}

static int
tmpfs_rmdir(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	struct tmpfs_node *dn = VTON(dvp), *tn;
	struct tmpfs_dirent *de;
	int error = 0;

	rw_enter(&tm->tm_lock, RW_WRITER);
	de = tmpfs_dir_find(dn, name, len);
	if (de == NULL || de->td_node->tn_vnode != vp) {
		error = -ENOENT;
		goto out;
	}
	tn = de->td_node;
	if (!S_ISDIR(tn->tn_mode)) {
		error = -ENOTDIR;
		goto out;
	}
	if (tn->tn_dcount > 0) {
		error = -ENOTEMPTY;
		goto out;
	}
	cache_remove(dvp, name, len);
	cache_purge(vp);
	tmpfs_droplink(dn, tn);
	tmpfs_dir_unlink(dn, de);
	tmpfs_touch(dn, TN_MTIME | TN_CTIME);
out:
	rw_exit(&tm->tm_lock);
	return error;
}

static int
tmpfs_link(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct tmpfs_mount *tm = VTOTM(dvp);
	struct tmpfs_node *dn = VTON(dvp), *tn = VTON(vp);
	int error;

	rw_enter(&tm->tm_lock, RW_WRITER);
	if (dn->tn_nlink == 0 || (tn->tn_nlink == 0 && !tn->tn_linkable)) {
		error = -ENOENT;
		goto out;
	}
	if (tmpfs_dir_find(dn, name, len) != NULL) {
		error = -EEXIST;
		goto out;
	}
	if (tn->tn_nlink >= 0xffffffffU) {
		error = -EMLINK;
		goto out;
	}
	error = tmpfs_dir_add(dn, name, len, tn);
	if (error != 0)
		goto out;
	tn->tn_nlink++;
	tmpfs_touch(tn, TN_CTIME);
	tmpfs_touch(dn, TN_MTIME | TN_CTIME);
out:
	rw_exit(&tm->tm_lock);
	return error;
}

/* Is a an ancestor of d (or d itself)?  tm_lock held. */
static bool
tmpfs_isancestor(struct tmpfs_node *a, struct tmpfs_node *d)
{
	for (;;) {
		if (d == a)
			return true;
		if (d->tn_parent == d || d->tn_parent == NULL)
			return false;
		d = d->tn_parent;
	}
}

/* Move directory tn from parent fdn to tdn: fix ".." and link counts. */
static void
tmpfs_reparent(struct tmpfs_node *tn, struct tmpfs_node *fdn,
    struct tmpfs_node *tdn)
{
	if (!S_ISDIR(tn->tn_mode) || fdn == tdn)
		return;
	tn->tn_parent = tdn;
	fdn->tn_nlink--;
	tdn->tn_nlink++;
}

static int
tmpfs_rename(struct vnode *fdvp, const char *fname, size_t flen,
    struct vnode *tdvp, const char *tname, size_t tlen, unsigned int flags)
{
	struct tmpfs_mount *tm = VTOTM(fdvp);
	struct tmpfs_node *fdn = VTON(fdvp), *tdn = VTON(tdvp);
	struct tmpfs_dirent *fde, *tde;
	struct tmpfs_node *fn, *tn;
	int error = 0;

	rw_enter(&tm->tm_lock, RW_WRITER);
	if (fdn->tn_nlink == 0 || tdn->tn_nlink == 0) {
		error = -ENOENT;
		goto out;
	}
	fde = tmpfs_dir_find(fdn, fname, flen);
	if (fde == NULL) {
		error = -ENOENT;
		goto out;
	}
	fn = fde->td_node;
	tde = tmpfs_dir_find(tdn, tname, tlen);
	tn = tde != NULL ? tde->td_node : NULL;
	if ((flags & RENAME_NOREPLACE) && tn != NULL) {
		error = -EEXIST;
		goto out;
	}
	if ((flags & RENAME_EXCHANGE) && tn == NULL) {
		error = -ENOENT;
		goto out;
	}
	/* Never below itself; never over one of its own ancestors. */
	if (S_ISDIR(fn->tn_mode) && fdn != tdn && tmpfs_isancestor(fn, tdn)) {
		error = -EINVAL;
		goto out;
	}
	if (tn != NULL && S_ISDIR(tn->tn_mode) && fdn != tdn &&
	    tmpfs_isancestor(tn, fdn)) {
		error = (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
		goto out;
	}
	if (fn == tn)
		goto out;

	if (flags & RENAME_EXCHANGE) {
		cache_remove(fdvp, fname, flen);
		cache_remove(tdvp, tname, tlen);
		fde->td_node = tn;
		tde->td_node = fn;
		tmpfs_reparent(fn, fdn, tdn);
		tmpfs_reparent(tn, tdn, fdn);
		tmpfs_touch(fn, TN_CTIME);
		tmpfs_touch(tn, TN_CTIME);
		tmpfs_touch(fdn, TN_MTIME | TN_CTIME);
		tmpfs_touch(tdn, TN_MTIME | TN_CTIME);
		goto out;
	}
	if (tn != NULL) {
		if (S_ISDIR(fn->tn_mode) && !S_ISDIR(tn->tn_mode)) {
			error = -ENOTDIR;
			goto out;
		}
		if (!S_ISDIR(fn->tn_mode) && S_ISDIR(tn->tn_mode)) {
			error = -EISDIR;
			goto out;
		}
		if (S_ISDIR(tn->tn_mode) && tn->tn_dcount > 0) {
			error = -ENOTEMPTY;
			goto out;
		}
		/* Replace: the entry now names fn; tn loses a link. */
		cache_remove(tdvp, tname, tlen);
		if (S_ISDIR(tn->tn_mode))
			cache_purge(tn->tn_vnode);
		tmpfs_droplink(tdn, tn);
		tde->td_node = fn;
		cache_remove(fdvp, fname, flen);
		tmpfs_dir_unlink(fdn, fde);
	} else {
		error = tmpfs_dir_add(tdn, tname, tlen, fn);
		if (error != 0)
			goto out;
		cache_remove(fdvp, fname, flen);
		tmpfs_dir_unlink(fdn, fde);
	}
	tmpfs_reparent(fn, fdn, tdn);
	tmpfs_touch(fn, TN_CTIME);
	tmpfs_touch(fdn, TN_MTIME | TN_CTIME);
	tmpfs_touch(tdn, TN_MTIME | TN_CTIME);
out:
	rw_exit(&tm->tm_lock);
	return error;
}

static ssize_t
tmpfs_readdir(struct vnode *vp, struct uio *uio, off_t *offp)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *dn = VTON(vp);
	struct tmpfs_dirent *de;
	size_t before = uio->uio_resid;
	off_t off = *offp;
	int error = 0;

	rw_enter(&tm->tm_lock, RW_READER);
	if (dn->tn_nlink == 0) {
		off = dn->tn_dnextcookie; /* removed: empty, not even "." */
		goto out;
	}
	if (off == 0) {
		if (!vfs_dirent_put(uio, dn->tn_ino, 1, DT_DIR, ".", 1, &error))
			goto out;
		off = 1;
	}
	if (off == 1) {
		if (!vfs_dirent_put(uio, dn->tn_parent->tn_ino, 2, DT_DIR, "..", 2,
		    &error))
			goto out;
		off = 2;
	}
	for (de = dn->tn_dfirst; de != NULL; de = de->td_next) {
		if (de->td_cookie < off)
			continue;
		if (!vfs_dirent_put(uio, de->td_node->tn_ino, de->td_cookie + 1,
		    IFTODT(de->td_node->tn_mode), de->td_name,
		    de->td_namelen, &error))
			goto out;
		off = de->td_cookie + 1;
	}
	off = dn->tn_dnextcookie; /* at the end */
out:
	*offp = off;
	tmpfs_touch_atime(dn);
	rw_exit(&tm->tm_lock);
	if (error != 0)
		return error;
	if (before == uio->uio_resid && off < dn->tn_dnextcookie)
		return -EINVAL; /* not even one record fitted */
	return (ssize_t)(before - uio->uio_resid);
}

static void
tmpfs_inactive(struct vnode *vp)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);

	rw_enter(&tm->tm_lock, RW_WRITER);
	/* Under tm_lock nobody can find the node to take a reference. */
	if (vnode_drop_last(vp) && tn->tn_nlink == 0)
		tmpfs_node_free(tm, tn);
	rw_exit(&tm->tm_lock);
}

const struct vnodeops tmpfs_vnodeops = {
	.vop_lookup = tmpfs_lookup,
	.vop_create = tmpfs_create,
	.vop_mkdir = tmpfs_mkdir,
	.vop_symlink = tmpfs_symlink,
	.vop_readlink = tmpfs_readlink,
	.vop_read = tmpfs_read,
	.vop_write = tmpfs_write,
	.vop_getattr = tmpfs_getattr,
	.vop_setattr = tmpfs_setattr,
	.vop_remove = tmpfs_remove,
	.vop_rmdir = tmpfs_rmdir,
	.vop_link = tmpfs_link,
	.vop_rename = tmpfs_rename,
	.vop_readdir = tmpfs_readdir,
	.vop_fsync = tmpfs_fsync,
	.vop_allocate = tmpfs_allocate,
	.vop_seekdata = tmpfs_seekdata,
	.vop_inactive = tmpfs_inactive,
	.vop_mmap_shared = tmpfs_mmap_shared,
	.vop_munmap_shared = tmpfs_munmap_shared,
	.vop_mremap_shared = tmpfs_mremap_shared,
	.vop_seals = tmpfs_seals,
};
