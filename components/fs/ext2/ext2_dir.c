/*
 * ext2_dir.c -- directories: linear lists of entries in blocks, each
 * entry's rec_len reaching to the next, never across a block.  Indexed
 * (dir_index) directories are read the same way -- their index blocks
 * look like one empty entry -- and lose the index flag when changed.
 */
#include "ext2.h"

/* Walk state: a block of the directory and an entry in it. */
struct dirwalk {
	struct buf *dw_bp;
	uint64_t dw_lbn;
	uint32_t dw_off;        /* of the entry in the block */
	uint32_t dw_prev;       /* of the entry before it; UINT32_MAX: none */
};

static uint8_t
ext2_ftype(mode_t mode)
{
	static const uint8_t types[16] = {
		[S_IFREG >> 12] = EXT2_FT_REG, [S_IFDIR >> 12] = EXT2_FT_DIR,
		[S_IFCHR >> 12] = EXT2_FT_CHR, [S_IFBLK >> 12] = EXT2_FT_BLK,
		[S_IFIFO >> 12] = EXT2_FT_FIFO, [S_IFSOCK >> 12] = EXT2_FT_SOCK,
		[S_IFLNK >> 12] = EXT2_FT_SYMLINK,
	};
	return types[(mode & S_IFMT) >> 12];
}

static int
dir_bread(struct ext2_node *dir, uint64_t lbn, struct buf **bpp)
{
	struct ext2_mount *em = dir->en_em;
	uint32_t pblk;
	bool isnew;
	int error;

	error = ext2_bmap(dir, lbn, false, &pblk, &isnew);
	if (error != 0)
		return error;
	if (pblk == 0)
		return ext2_error(em, "directory %u: hole at block %llu",
		    dir->en_ino, (unsigned long long)lbn);
	return bread(em->em_dev, pblk, em->em_bsize, bpp);
}

/* The entry at off of a directory block, checked; NULL: corrupt. */
static struct ext2_dirent *
dir_entry(struct ext2_node *dir, struct buf *bp, uint32_t off)
{
	struct ext2_mount *em = dir->en_em;
	struct ext2_dirent *de;

	if (off + 8 > em->em_bsize)
		goto bad;
	de = (struct ext2_dirent *)((char *)bp->b_data + off);
	if (de->rec_len < 8 || (de->rec_len & 3) != 0 ||
	    off + de->rec_len > em->em_bsize ||
	    8u + de->name_len > de->rec_len ||
	    de->inode > em->em_sb.s_inodes_count)
		goto bad;
	return de;
bad:
	ext2_error(em, "directory %u: bad entry at block %llu offset %u",
	    dir->en_ino, (unsigned long long)bp->b_blkno, off);
	return NULL;
}

/*
 * Find name in dir.  On success (0) the walk holds the block with the
 * entry, referenced; -ENOENT or -errno otherwise.
 */
static int
dir_find(struct ext2_node *dir, const char *name, size_t len,
    struct dirwalk *dw)
{
	struct ext2_mount *em = dir->en_em;
	uint64_t nblocks = dir->en_size / em->em_bsize;
	int error;

	for (dw->dw_lbn = 0; dw->dw_lbn < nblocks; dw->dw_lbn++) {
		error = dir_bread(dir, dw->dw_lbn, &dw->dw_bp);
		if (error != 0)
			return error;
		dw->dw_prev = UINT32_MAX;
		for (dw->dw_off = 0; dw->dw_off < em->em_bsize;) {
			struct ext2_dirent *de = dir_entry(dir, dw->dw_bp,
			    dw->dw_off);
			if (de == NULL) {
				brelse(dw->dw_bp);
				return -EIO;
			}
			if (de->inode != 0 && de->name_len == len &&
			    memcmp(de->name, name, len) == 0)
				return 0;
			dw->dw_prev = dw->dw_off;
			dw->dw_off += de->rec_len;
		}
		brelse(dw->dw_bp);
	}
	return -ENOENT;
}

int
ext2_dir_lookup(struct ext2_node *dir, const char *name, size_t len,
    uint32_t *inop, uint64_t *offp)
{
	struct dirwalk dw;
	struct ext2_dirent *de;
	int error;

	error = dir_find(dir, name, len, &dw);
	if (error != 0)
		return error;
	de = (struct ext2_dirent *)((char *)dw.dw_bp->b_data + dw.dw_off);
	*inop = de->inode;
	if (offp != NULL)
		*offp = dw.dw_lbn * dir->en_em->em_bsize + dw.dw_off;
	brelse(dw.dw_bp);
	if (*inop != EXT2_ROOT_INO &&
	    *inop < dir->en_em->em_sb.s_first_ino)
		return ext2_error(dir->en_em, "directory %u: entry names "
		    "reserved inode %u", dir->en_ino, *inop);
	return 0;
}

/* A changed directory is no longer described by its hash index. */
static void
dir_changed(struct ext2_node *dir)
{
	dir->en_di.i_flags &= ~EXT2_INDEX_FL;
	ext2_itimes(dir, VA_MTIME | VA_CTIME);
	ext2_iupdate(dir);
}

static void
dirent_fill(struct ext2_node *dir, struct ext2_dirent *de, const char *name,
    size_t len, uint32_t ino, mode_t mode)
{
	de->inode = ino;
	de->name_len = (uint8_t)len;
	de->file_type = dir->en_em->em_filetype ? ext2_ftype(mode) : 0;
	memcpy(de->name, name, len);
}

int
ext2_dir_add(struct ext2_node *dir, const char *name, size_t len,
    uint32_t ino, mode_t mode)
{
	struct ext2_mount *em = dir->en_em;
	uint64_t nblocks = dir->en_size / em->em_bsize;
	uint32_t need = EXT2_DIRENT_SIZE(len), pblk;
	struct ext2_dirent *de, *nde;
	struct buf *bp;
	bool isnew;
	int error;

	for (uint64_t lbn = 0; lbn < nblocks; lbn++) {
		error = dir_bread(dir, lbn, &bp);
		if (error != 0)
			return error;
		for (uint32_t off = 0; off < em->em_bsize;) {
			uint32_t used;
			de = dir_entry(dir, bp, off);
			if (de == NULL) {
				brelse(bp);
				return -EIO;
			}
			used = de->inode != 0 ? EXT2_DIRENT_SIZE(de->name_len) : 0;
			if (de->rec_len >= used + need) {
				if (used != 0) {
					/* Split: the new entry takes the
					 * slack after this one. */
					nde = (struct ext2_dirent *)
					    ((char *)de + used);
					nde->rec_len = (uint16_t)
					    (de->rec_len - used);
					de->rec_len = (uint16_t)used;
					de = nde;
				}
				dirent_fill(dir, de, name, len, ino, mode);
				bdwrite(bp);
				dir_changed(dir);
				return 0;
			}
			off += de->rec_len;
		}
		brelse(bp);
	}
	/* No room: a new block at the end. */
	if (nblocks * em->em_bsize + em->em_bsize > 0xffffffffu)
		return -ENOSPC;
	error = ext2_bmap(dir, nblocks, true, &pblk, &isnew);
	if (error != 0)
		return error;
	error = bread(em->em_dev, pblk, em->em_bsize, &bp);
	if (error != 0)
		return error;
	de = bp->b_data;
	memset(de, 0, em->em_bsize);
	de->rec_len = (uint16_t)em->em_bsize;
	dirent_fill(dir, de, name, len, ino, mode);
	bdwrite(bp);
	ext2_setsize(dir, (nblocks + 1) * em->em_bsize);
	dir_changed(dir);
	return 0;
}

int
ext2_dir_remove(struct ext2_node *dir, const char *name, size_t len)
{
	struct dirwalk dw;
	struct ext2_dirent *de, *prev;
	int error;

	error = dir_find(dir, name, len, &dw);
	if (error != 0)
		return error;
	de = (struct ext2_dirent *)((char *)dw.dw_bp->b_data + dw.dw_off);
	if (dw.dw_prev != UINT32_MAX) {
		/* The entry before swallows this one. */
		prev = (struct ext2_dirent *)((char *)dw.dw_bp->b_data +
		    dw.dw_prev);
		prev->rec_len = (uint16_t)(prev->rec_len + de->rec_len);
	} else {
		de->inode = 0;
	}
	bdwrite(dw.dw_bp);
	dir_changed(dir);
	return 0;
}

int
ext2_dir_setino(struct ext2_node *dir, const char *name, size_t len,
    uint32_t ino, mode_t mode)
{
	struct dirwalk dw;
	struct ext2_dirent *de;
	int error;

	error = dir_find(dir, name, len, &dw);
	if (error != 0)
		return error;
	de = (struct ext2_dirent *)((char *)dw.dw_bp->b_data + dw.dw_off);
	de->inode = ino;
	de->file_type = dir->en_em->em_filetype ? ext2_ftype(mode) : 0;
	bdwrite(dw.dw_bp);
	dir_changed(dir);
	return 0;
}

int
ext2_dir_isempty(struct ext2_node *dir)
{
	struct ext2_mount *em = dir->en_em;
	uint64_t nblocks = dir->en_size / em->em_bsize;
	struct buf *bp;
	int error;

	for (uint64_t lbn = 0; lbn < nblocks; lbn++) {
		error = dir_bread(dir, lbn, &bp);
		if (error != 0)
			return error;
		for (uint32_t off = 0; off < em->em_bsize;) {
			struct ext2_dirent *de = dir_entry(dir, bp, off);
			if (de == NULL) {
				brelse(bp);
				return -EIO;
			}
			if (de->inode != 0 && !(de->name_len == 1 &&
			    de->name[0] == '.') && !(de->name_len == 2 &&
			    de->name[0] == '.' && de->name[1] == '.')) {
				brelse(bp);
				return 0;
			}
			off += de->rec_len;
		}
		brelse(bp);
	}
	return 1;
}

static const uint8_t ext2_ft_to_dt[8] = {
	DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK, DT_FIFO, DT_SOCK, DT_LNK,
};

ssize_t
ext2_dir_read(struct ext2_node *dir, struct uio *uio, off_t *offp)
{
	struct ext2_mount *em = dir->en_em;
	size_t before = uio->uio_resid;
	uint64_t off = (uint64_t)*offp;
	struct buf *bp;
	int error = 0;

	while (off < dir->en_size) {
		uint64_t lbn = off / em->em_bsize;
		uint32_t boff = 0, want = (uint32_t)(off % em->em_bsize);
		error = dir_bread(dir, lbn, &bp);
		if (error != 0)
			break;
		/* Entries from the block start, so a cookie that is not an
		 * entry boundary (a stale seek) lands on the next one. */
		while (boff < em->em_bsize) {
			struct ext2_dirent *de = dir_entry(dir, bp, boff);
			uint64_t next;
			unsigned type = DT_UNKNOWN;
			if (de == NULL) {
				error = -EIO;
				break;
			}
			next = lbn * em->em_bsize + boff + de->rec_len;
			if (boff >= want && de->inode != 0 &&
			    de->name_len > 0) {
				if (em->em_filetype && de->file_type < 8)
					type = ext2_ft_to_dt[de->file_type];
				if (!vfs_dirent_put(uio, de->inode, (off_t)next,
				    type, de->name, de->name_len, &error))
					break;
			}
			boff += de->rec_len;
			off = next;
		}
		brelse(bp);
		if (boff < em->em_bsize || error != 0)
			break;
	}
	*offp = (off_t)off;
	if (uio->uio_resid == before && error == 0 && off < dir->en_size)
		return -EINVAL; /* not even one record fits */
	return error != 0 && uio->uio_resid == before ? error :
	    (ssize_t)(before - uio->uio_resid);
}

int
ext2_dir_init(struct ext2_node *dir, uint32_t parent)
{
	struct ext2_mount *em = dir->en_em;
	struct ext2_dirent *de;
	struct buf *bp;
	uint32_t pblk;
	bool isnew;
	int error;

	error = ext2_bmap(dir, 0, true, &pblk, &isnew);
	if (error != 0)
		return error;
	error = bread(em->em_dev, pblk, em->em_bsize, &bp);
	if (error != 0)
		return error;
	memset(bp->b_data, 0, em->em_bsize);
	de = bp->b_data;
	de->rec_len = 12;
	dirent_fill(dir, de, ".", 1, dir->en_ino, S_IFDIR);
	de = (struct ext2_dirent *)((char *)bp->b_data + 12);
	de->rec_len = (uint16_t)(em->em_bsize - 12);
	dirent_fill(dir, de, "..", 2, parent, S_IFDIR);
	bdwrite(bp);
	ext2_setsize(dir, em->em_bsize);
	return ext2_iupdate(dir);
}
