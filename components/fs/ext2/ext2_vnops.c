/*
 * ext2_vnops.c -- the name space operations of ext2 (lookup, create,
 * mkdir, symlink, remove, rmdir, link, rename, readdir), fsync,
 * inactive, and the operations table.  Contents and attributes are in
 * ext2_rdwr.c.  Every operation holds the mount's em_lock; vnodes
 * are released (vrele) only after it is dropped.
 */
#include "ext2.h"

#define EXT2_NAME_MAX 255

static int
ext2_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode **vpp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *en;
	uint32_t ino;
	int error;

	if (!vn_isdir(dvp))
		return -ENOTDIR;
	if (len > EXT2_NAME_MAX)
		return -ENAMETOOLONG;
	rw_enter(&em->em_lock, RW_WRITER);
	error = ext2_dir_lookup(VTOEN(dvp), name, len, &ino, NULL);
	if (error == 0)
		error = ext2_node_get(em, ino, &en);
	rw_exit(&em->em_lock);
	if (error == 0)
		*vpp = en->en_vnode;
	return error;
}

/* Common start of the calls that add a name: checks under em_lock. */
static int
newname_check(struct ext2_node *dir, const char *name, size_t len)
{
	uint32_t ino;
	int error;

	if (dir->en_em->em_rdonly)
		return -EROFS;
	if (len > EXT2_NAME_MAX)
		return -ENAMETOOLONG;
	if (dir->en_di.i_links_count == 0)
		return -ENOENT; /* removed directory */
	error = ext2_dir_lookup(dir, name, len, &ino, NULL);
	if (error == 0)
		return -EEXIST;
	return error == -ENOENT ? 0 : error;
}

/* Drop a node made for a name that could not be entered. */
static void
node_abandon(struct ext2_node *en)
{
	en->en_di.i_links_count = 0;
	ext2_node_release(en);
}

static int
ext2_create(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, struct vnode **vpp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *dir = VTOEN(dvp), *en;
	mode_t type = va->va_mode & S_IFMT;
	int error;

	if (type != S_IFREG && type != S_IFIFO && type != S_IFCHR &&
	    type != S_IFBLK && type != S_IFSOCK)
		return -EINVAL;
	rw_enter(&em->em_lock, RW_WRITER);
	error = newname_check(dir, name, len);
	if (error == 0)
		error = ext2_node_new(em, dir, va->va_mode, va->va_uid,
		    va->va_gid, &en);
	if (error != 0)
		goto out;
	if (type == S_IFCHR || type == S_IFBLK) {
		uint32_t ma = dev_major(va->va_rdev), mi = dev_minor(va->va_rdev);
		/* The old 16-bit form when it fits, else the new one. */
		if (ma < 256 && mi < 256)
			en->en_di.i_block[0] = ma << 8 | mi;
		else
			en->en_di.i_block[1] = (mi & 0xff) | (ma << 8) |
			    ((mi & ~0xffu) << 12);
		en->en_vnode->v_rdev = va->va_rdev;
		ext2_iupdate(en);
	}
	error = ext2_dir_add(dir, name, len, en->en_ino, va->va_mode);
	if (error != 0) {
		node_abandon(en);
		goto out;
	}
	*vpp = en->en_vnode;
out:
	rw_exit(&em->em_lock);
	return error;
}

static int
ext2_mkdir(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, struct vnode **vpp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *dir = VTOEN(dvp), *en;
	int error;

	rw_enter(&em->em_lock, RW_WRITER);
	error = newname_check(dir, name, len);
	if (error == 0 && dir->en_di.i_links_count >= EXT2_LINK_MAX)
		error = -EMLINK;
	if (error == 0)
		error = ext2_node_new(em, dir, S_IFDIR | (va->va_mode & 07777),
		    va->va_uid, va->va_gid, &en);
	if (error != 0)
		goto out;
	en->en_di.i_links_count = 2;
	error = ext2_dir_init(en, dir->en_ino);
	if (error == 0)
		error = ext2_dir_add(dir, name, len, en->en_ino, S_IFDIR);
	if (error != 0) {
		node_abandon(en);
		goto out;
	}
	dir->en_di.i_links_count++;
	ext2_iupdate(dir);
	*vpp = en->en_vnode;
out:
	rw_exit(&em->em_lock);
	return error;
}

static int
ext2_symlink(struct vnode *dvp, const char *name, size_t len,
    const struct vattr *va, const char *target, struct vnode **vpp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *dir = VTOEN(dvp), *en;
	size_t tlen = strlen(target);
	int error;

	if (tlen >= em->em_bsize)
		return -ENAMETOOLONG;
	rw_enter(&em->em_lock, RW_WRITER);
	error = newname_check(dir, name, len);
	if (error == 0)
		error = ext2_node_new(em, dir, S_IFLNK | 0777, va->va_uid,
		    va->va_gid, &en);
	if (error != 0)
		goto out;
	if (tlen < EXT2_FAST_SYMLINK_MAX) {
		memcpy(en->en_di.i_block, target, tlen);
	} else {
		uint32_t pblk;
		bool isnew;
		struct buf *bp;
		error = ext2_bmap(en, 0, true, &pblk, &isnew);
		if (error == 0)
			error = bread(em->em_dev, pblk, em->em_bsize, &bp);
		if (error != 0) {
			node_abandon(en);
			goto out;
		}
		memcpy(bp->b_data, target, tlen);
		bdwrite(bp);
	}
	ext2_setsize(en, tlen);
	ext2_iupdate(en);
	error = ext2_dir_add(dir, name, len, en->en_ino, S_IFLNK);
	if (error != 0) {
		node_abandon(en);
		goto out;
	}
	*vpp = en->en_vnode;
out:
	rw_exit(&em->em_lock);
	return error;
}

static int
ext2_remove(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *en = VTOEN(vp);
	int error;

	if (em->em_rdonly)
		return -EROFS;
	if (vn_isdir(vp))
		return -EISDIR;
	rw_enter(&em->em_lock, RW_WRITER);
	error = ext2_dir_remove(VTOEN(dvp), name, len);
	if (error == 0) {
		if (en->en_di.i_links_count > 0)
			en->en_di.i_links_count--;
		ext2_itimes(en, VA_CTIME);
		ext2_iupdate(en);
	}
	rw_exit(&em->em_lock);
	return error;
}

static int
ext2_rmdir(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *dir = VTOEN(dvp), *en = VTOEN(vp);
	int error;

	if (em->em_rdonly)
		return -EROFS;
	if (!vn_isdir(vp))
		return -ENOTDIR;
	rw_enter(&em->em_lock, RW_WRITER);
	error = ext2_dir_isempty(en);
	if (error == 0)
		error = -ENOTEMPTY;
	if (error < 0)
		goto out;
	error = ext2_dir_remove(dir, name, len);
	if (error != 0)
		goto out;
	en->en_di.i_links_count = 0;
	ext2_iupdate(en);
	if (dir->en_di.i_links_count > 2)
		dir->en_di.i_links_count--;
	ext2_iupdate(dir);
out:
	rw_exit(&em->em_lock);
	return error;
}

static int
ext2_link(struct vnode *dvp, const char *name, size_t len, struct vnode *vp)
{
	struct ext2_mount *em = VTOEM(dvp);
	struct ext2_node *en = VTOEN(vp);
	int error;

	if (vn_isdir(vp))
		return -EPERM;
	rw_enter(&em->em_lock, RW_WRITER);
	error = newname_check(VTOEN(dvp), name, len);
	if (error == 0 && en->en_di.i_links_count >= EXT2_LINK_MAX)
		error = -EMLINK;
	if (error == 0)
		error = ext2_dir_add(VTOEN(dvp), name, len, en->en_ino,
		    en->en_di.i_mode);
	if (error == 0) {
		en->en_di.i_links_count++;
		ext2_itimes(en, VA_CTIME);
		ext2_iupdate(en);
	}
	rw_exit(&em->em_lock);
	return error;
}

/* Is directory anc dir itself or one of its ancestors?  (Via "..".) */
static int
is_ancestor(struct ext2_mount *em, uint32_t anc, uint32_t dir)
{
	/* A loop of ".." entries is corruption, not a reason to hang. */
	for (int steps = 0; steps < 65536; steps++) {
		struct ext2_node *en;
		uint32_t up;
		int error;

		if (dir == anc)
			return 1;
		if (dir == EXT2_ROOT_INO)
			return 0;
		error = ext2_node_get(em, dir, &en);
		if (error != 0)
			return error;
		error = ext2_dir_lookup(en, "..", 2, &up, NULL);
		ext2_node_release(en);
		if (error != 0)
			return error;
		dir = up;
	}
	return ext2_error(em, "directory %u: \"..\" chain loops", dir);
}

static int
ext2_rename(struct vnode *fdvp, const char *fname, size_t flen,
    struct vnode *tdvp, const char *tname, size_t tlen, unsigned int flags)
{
	struct ext2_mount *em = VTOEM(fdvp);
	struct ext2_node *fdir = VTOEN(fdvp), *tdir = VTOEN(tdvp);
	struct ext2_node *fn = NULL, *tn = NULL;
	uint32_t fino, tino;
	bool fisdir;
	int error;

	if (em->em_rdonly)
		return -EROFS;
	if (flags & ~1u) /* RENAME_NOREPLACE only; no EXCHANGE */
		return -EINVAL;
	if (tlen > EXT2_NAME_MAX)
		return -ENAMETOOLONG;
	rw_enter(&em->em_lock, RW_WRITER);
	error = ext2_dir_lookup(fdir, fname, flen, &fino, NULL);
	if (error == 0)
		error = ext2_node_get(em, fino, &fn);
	if (error != 0)
		goto out;
	fisdir = S_ISDIR(fn->en_di.i_mode);
	error = ext2_dir_lookup(tdir, tname, tlen, &tino, NULL);
	if (error == -ENOENT) {
		tino = 0;
	} else if (error != 0) {
		goto out;
	} else if (flags & 1u) {
		error = -EEXIST;
		goto out;
	}
	if (tino == fino) {
		error = 0; /* the same file: nothing to do */
		goto out;
	}
	if (tino != 0) {
		error = ext2_node_get(em, tino, &tn);
		if (error != 0)
			goto out;
		if (fisdir && !S_ISDIR(tn->en_di.i_mode)) {
			error = -ENOTDIR;
			goto out;
		}
		if (!fisdir && S_ISDIR(tn->en_di.i_mode)) {
			error = -EISDIR;
			goto out;
		}
		if (fisdir) {
			error = ext2_dir_isempty(tn);
			if (error == 0)
				error = -ENOTEMPTY;
			if (error < 0)
				goto out;
		}
	}
	if (fisdir && fdir != tdir) {
		error = is_ancestor(em, fino, tdir->en_ino);
		if (error == 1)
			error = -EINVAL;
		if (error != 0)
			goto out;
		if (tn == NULL && tdir->en_di.i_links_count >= EXT2_LINK_MAX) {
			error = -EMLINK;
			goto out;
		}
	}
	/* The new name first, so a failure leaves the old one. */
	if (tn != NULL)
		error = ext2_dir_setino(tdir, tname, tlen, fino,
		    fn->en_di.i_mode);
	else
		error = ext2_dir_add(tdir, tname, tlen, fino, fn->en_di.i_mode);
	if (error != 0)
		goto out;
	error = ext2_dir_remove(fdir, fname, flen);
	if (error != 0)
		goto out;
	if (tn != NULL) {
		if (fisdir) {
			tn->en_di.i_links_count = 0;
			tdir->en_di.i_links_count--;
		} else if (tn->en_di.i_links_count > 0) {
			tn->en_di.i_links_count--;
		}
		ext2_itimes(tn, VA_CTIME);
		ext2_iupdate(tn);
	}
	if (fisdir && fdir != tdir) {
		error = ext2_dir_setino(fn, "..", 2, tdir->en_ino, S_IFDIR);
		fdir->en_di.i_links_count--;
		tdir->en_di.i_links_count++;
	}
	ext2_itimes(fn, VA_CTIME);
	ext2_iupdate(fn);
	ext2_iupdate(fdir);
	ext2_iupdate(tdir);
out:
	/* Our own references go under the lock (ext2_node_release). */
	if (tn != NULL)
		ext2_node_release(tn);
	if (fn != NULL)
		ext2_node_release(fn);
	rw_exit(&em->em_lock);
	return error;
}

static ssize_t
ext2_readdir(struct vnode *vp, struct uio *uio, off_t *offp)
{
	struct ext2_mount *em = VTOEM(vp);
	ssize_t n;

	if (!vn_isdir(vp))
		return -ENOTDIR;
	rw_enter(&em->em_lock, RW_WRITER);
	n = ext2_dir_read(VTOEN(vp), uio, offp);
	rw_exit(&em->em_lock);
	return n;
}

static int
ext2_fsync(struct vnode *vp, bool dataonly)
{
	struct ext2_mount *em = VTOEM(vp);
	int error;

	(void)dataonly;
	rw_enter(&em->em_lock, RW_WRITER);
	error = ext2_sync_locked(em);
	rw_exit(&em->em_lock);
	return error;
}

static void
ext2_inactive(struct vnode *vp)
{
	struct ext2_mount *em = VTOEM(vp);

	rw_enter(&em->em_lock, RW_WRITER);
	ext2_node_release(VTOEN(vp));
	rw_exit(&em->em_lock);
}

const struct vnodeops ext2_vnodeops = {
	.vop_lookup = ext2_lookup,
	.vop_create = ext2_create,
	.vop_mkdir = ext2_mkdir,
	.vop_symlink = ext2_symlink,
	.vop_readlink = ext2_readlink,
	.vop_read = ext2_read,
	.vop_write = ext2_write,
	.vop_getattr = ext2_getattr,
	.vop_setattr = ext2_setattr,
	.vop_remove = ext2_remove,
	.vop_rmdir = ext2_rmdir,
	.vop_link = ext2_link,
	.vop_rename = ext2_rename,
	.vop_readdir = ext2_readdir,
	.vop_fsync = ext2_fsync,
	.vop_inactive = ext2_inactive,
};
