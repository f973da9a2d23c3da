/*
 * ext2_rdwr.c -- file contents and attributes: read and write through
 * the block map (holes read as zeros and are filled on write),
 * symbolic link targets, getattr and setattr.
 */
#include "ext2.h"

#define EXT2_TAIL_AHEAD 16	/* blocks read past a file's end */

/*
 * Block lbn of en, at pblk, read with the blocks after it while they
 * follow it on disk too (to the end of the file, at most BREADN_MAX):
 * mke2fs and our allocator lay files out contiguously, so a sequential
 * read costs one device transfer per run rather than one per block.
 * A corrupt map met while looking ahead just ends the run.
 */
static int
ext2_bread_ahead(struct ext2_node *en, uint64_t lbn, uint32_t pblk,
    struct buf **bpp)
{
	struct ext2_mount *em = en->en_em;
	uint64_t nblk = (en->en_size + em->em_bsize - 1) / em->em_bsize;
	unsigned n = 1;

	if (bincore(em->em_dev, pblk))
		return bread(em->em_dev, pblk, em->em_bsize, bpp);
	while (n < BREADN_MAX && lbn + n < nblk) {
		uint32_t next;
		bool isnew;

		if (ext2_bmap(en, lbn + n, false, &next, &isnew) != 0 ||
		    next != pblk + n)
			break;
		n++;
	}
	/* At the end of the file, the blocks after it on disk are
	 * usually the next file's (mke2fs -d and our allocator place
	 * files one after another): a tree read in order then costs a
	 * transfer per few files instead of one per file. */
	if (lbn + n >= nblk && n < EXT2_TAIL_AHEAD)
		n = EXT2_TAIL_AHEAD;
	return breadn(em->em_dev, pblk, em->em_bsize, n, bpp);
}

ssize_t
ext2_read(struct vnode *vp, struct uio *uio, int ioflag)
{
	struct ext2_mount *em = VTOEM(vp);
	struct ext2_node *en = VTOEN(vp);
	size_t before = uio->uio_resid;
	int error = 0;

	(void)ioflag;
	if (vn_isdir(vp))
		return -EISDIR;
	if (uio->uio_offset < 0)
		return -EINVAL;
	rw_enter(&em->em_lock, RW_WRITER);
	while (uio->uio_resid > 0 && (uint64_t)uio->uio_offset < en->en_size) {
		uint64_t off = (uint64_t)uio->uio_offset;
		uint32_t boff = (uint32_t)(off % em->em_bsize), pblk;
		size_t n = MIN(uio->uio_resid, em->em_bsize - boff);
		struct buf *bp;
		bool isnew;

		n = (size_t)MIN((uint64_t)n, en->en_size - off);
		error = ext2_bmap(en, off / em->em_bsize, false, &pblk, &isnew);
		if (error != 0)
			break;
		if (pblk == 0) {
			static const char zeros[4096];
			error = uiomove((void *)zeros, n, uio);
		} else {
			error = ext2_bread_ahead(en, off / em->em_bsize, pblk,
			    &bp);
			if (error != 0)
				break;
			error = uiomove((char *)bp->b_data + boff, n, uio);
			brelse(bp);
		}
		if (error != 0)
			break;
	}
	rw_exit(&em->em_lock);
	if (uio->uio_resid < before)
		return (ssize_t)(before - uio->uio_resid);
	return error;
}

ssize_t
ext2_write(struct vnode *vp, struct uio *uio, int ioflag)
{
	struct ext2_mount *em = VTOEM(vp);
	struct ext2_node *en = VTOEN(vp);
	size_t before = uio->uio_resid;
	uint64_t max = ext2_maxsize(em);
	int error = 0;

	if (vn_isdir(vp))
		return -EISDIR;
	if (em->em_rdonly)
		return -EROFS;
	rw_enter(&em->em_lock, RW_WRITER);
	if (ioflag & IO_APPEND)
		uio->uio_offset = (off_t)en->en_size;
	if (uio->uio_offset < 0) {
		error = -EINVAL;
		goto out;
	}
	if ((uint64_t)uio->uio_offset >= max && uio->uio_resid > 0) {
		error = -EFBIG;
		goto out;
	}
	while (uio->uio_resid > 0 && (uint64_t)uio->uio_offset < max) {
		uint64_t off = (uint64_t)uio->uio_offset;
		uint32_t boff = (uint32_t)(off % em->em_bsize), pblk;
		size_t n = MIN(uio->uio_resid, em->em_bsize - boff);
		struct buf *bp;
		bool isnew;

		n = (size_t)MIN((uint64_t)n, max - off);
		error = ext2_bmap(en, off / em->em_bsize, true, &pblk, &isnew);
		if (error != 0)
			break;
		/* A new block is zero already (ext2_balloc); a whole
		 * block overwritten needs no read either. */
		if (isnew || n == em->em_bsize)
			error = bget_zero(em->em_dev, pblk, em->em_bsize, &bp);
		else
			error = bread(em->em_dev, pblk, em->em_bsize, &bp);
		if (error != 0)
			break;
		error = uiomove((char *)bp->b_data + boff, n, uio);
		bdwrite(bp);
		if (error != 0)
			break;
		if ((uint64_t)uio->uio_offset > en->en_size)
			ext2_setsize(en, (uint64_t)uio->uio_offset);
	}
	if (uio->uio_resid < before) {
		ext2_itimes(en, VA_MTIME | VA_CTIME);
		ext2_iupdate(en);
	}
	if ((ioflag & IO_SYNC) && uio->uio_resid < before)
		ext2_sync_locked(em);
out:
	rw_exit(&em->em_lock);
	if (uio->uio_resid < before)
		return (ssize_t)(before - uio->uio_resid);
	return error;
}

ssize_t
ext2_readlink(struct vnode *vp, struct uio *uio)
{
	struct ext2_mount *em = VTOEM(vp);
	struct ext2_node *en = VTOEN(vp);
	size_t len = (size_t)en->en_size;
	struct buf *bp;
	uint32_t pblk;
	bool isnew;
	ssize_t ret;
	int error;

	if (!vn_islnk(vp))
		return -EINVAL;
	rw_enter(&em->em_lock, RW_WRITER);
	len = MIN(len, uio->uio_resid);
	if (ext2_isfastlink(en)) {
		if (en->en_size > EXT2_FAST_SYMLINK_MAX) {
			ret = ext2_error(em, "fast symlink %u: size %llu",
			    en->en_ino, (unsigned long long)en->en_size);
			goto out;
		}
		error = uiomove(en->en_di.i_block, len, uio);
		ret = error != 0 ? error : (ssize_t)len;
		goto out;
	}
	if (en->en_size >= em->em_bsize) {
		ret = ext2_error(em, "symlink %u: size %llu", en->en_ino,
		    (unsigned long long)en->en_size);
		goto out;
	}
	error = ext2_bmap(en, 0, false, &pblk, &isnew);
	if (error == 0 && pblk == 0)
		error = ext2_error(em, "symlink %u: no block", en->en_ino);
	if (error == 0)
		error = bread(em->em_dev, pblk, em->em_bsize, &bp);
	if (error != 0) {
		ret = error;
		goto out;
	}
	error = uiomove(bp->b_data, len, uio);
	brelse(bp);
	ret = error != 0 ? error : (ssize_t)len;
out:
	rw_exit(&em->em_lock);
	return ret;
}

int
ext2_getattr(struct vnode *vp, struct vattr *va)
{
	struct ext2_mount *em = VTOEM(vp);
	struct ext2_node *en = VTOEN(vp);
	const struct ext2_dinode *di = &en->en_di;

	rw_enter(&em->em_lock, RW_READER);
	va->va_mode = di->i_mode;
	va->va_uid = di->i_uid | (uint32_t)di->i_uid_high << 16;
	va->va_gid = di->i_gid | (uint32_t)di->i_gid_high << 16;
	va->va_nlink = di->i_links_count;
	va->va_ino = en->en_ino;
	va->va_rdev = vp->v_rdev;
	va->va_size = (off_t)en->en_size;
	va->va_bytes = (uint64_t)di->i_blocks * 512;
	va->va_blksize = em->em_bsize;
	va->va_atime.tv_sec = di->i_atime;
	va->va_mtime.tv_sec = di->i_mtime;
	va->va_ctime.tv_sec = di->i_ctime;
	rw_exit(&em->em_lock);
	return 0;
}

int
ext2_setattr(struct vnode *vp, const struct vattr *va)
{
	struct ext2_mount *em = VTOEM(vp);
	struct ext2_node *en = VTOEN(vp);
	struct ext2_dinode *di = &en->en_di;
	int error = 0;

	if (em->em_rdonly)
		return -EROFS;
	if ((va->va_mask & VA_SIZE) && !S_ISREG(di->i_mode))
		return vn_isdir(vp) ? -EISDIR : -EINVAL;
	if ((va->va_mask & VA_SIZE) && va->va_size < 0)
		return -EINVAL;
	rw_enter(&em->em_lock, RW_WRITER);
	if (va->va_mask & VA_SIZE) {
		if ((uint64_t)va->va_size > ext2_maxsize(em)) {
			error = -EFBIG;
			goto out;
		}
		if ((uint64_t)va->va_size < en->en_size)
			error = ext2_truncate(en, (uint64_t)va->va_size);
		else
			ext2_setsize(en, (uint64_t)va->va_size);
		ext2_itimes(en, VA_MTIME);
	}
	if (va->va_mask & VA_MODE)
		di->i_mode = (uint16_t)((di->i_mode & S_IFMT) |
		    (va->va_mode & 07777));
	if (va->va_mask & VA_UID) {
		di->i_uid = (uint16_t)va->va_uid;
		di->i_uid_high = (uint16_t)(va->va_uid >> 16);
	}
	if (va->va_mask & VA_GID) {
		di->i_gid = (uint16_t)va->va_gid;
		di->i_gid_high = (uint16_t)(va->va_gid >> 16);
	}
	if (va->va_mask & VA_ATIME)
		di->i_atime = (uint32_t)va->va_atime.tv_sec;
	if (va->va_mask & VA_MTIME)
		di->i_mtime = (uint32_t)va->va_mtime.tv_sec;
	if (va->va_mask & VA_CTIME)
		di->i_ctime = (uint32_t)va->va_ctime.tv_sec;
	else
		ext2_itimes(en, VA_CTIME);
	ext2_iupdate(en);
out:
	rw_exit(&em->em_lock);
	return error;
}
