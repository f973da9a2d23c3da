/*
 * ext2_inode.c -- inodes: loading them into nodes with vnodes, writing
 * them back, the block map (direct, single, double and triple indirect
 * blocks, holes as zero pointers), and truncation.
 */
#include "ext2.h"

/* Where inode ino lives: its inode-table block and byte offset. */
static int
inode_locate(struct ext2_mount *em, uint32_t ino, uint32_t *blkp,
    uint32_t *offp)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t g, idx;
	uint64_t byte;

	if (ino == 0 || ino > sb->s_inodes_count)
		return ext2_error(em, "inode number %u out of range", ino);
	g = (ino - 1) / sb->s_inodes_per_group;
	idx = (ino - 1) % sb->s_inodes_per_group;
	byte = (uint64_t)idx * em->em_isize;
	*blkp = em->em_gd[g].bg_inode_table + (uint32_t)(byte / em->em_bsize);
	*offp = (uint32_t)(byte % em->em_bsize);
	if (!ext2_blkok(em, *blkp))
		return ext2_error(em, "inode %u: table block out of range", ino);
	return 0;
}

static mode_t
ext2_vtype(uint16_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: case S_IFDIR: case S_IFLNK: case S_IFCHR:
	case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return mode & S_IFMT;
	default:
		return 0;
	}
}

/* Device numbers in i_block: old 16-bit form in [0], else new in [1]. */
static dev_t
ext2_rdev(const struct ext2_dinode *di)
{
	uint32_t b = di->i_block[0];

	if (b != 0)
		return dev_make((b >> 8) & 0xff, b & 0xff);
	b = di->i_block[1];
	return dev_make((b & 0xfff00) >> 8, (b & 0xff) | ((b >> 12) & 0xfff00));
}

void
ext2_setsize(struct ext2_node *en, uint64_t size)
{
	en->en_size = size;
	en->en_di.i_size = (uint32_t)size;
	if (S_ISREG(en->en_di.i_mode)) {
		en->en_di.i_size_high = (uint32_t)(size >> 32);
		if (size > 0x7fffffffu && !(en->en_em->em_sb.s_feature_ro_compat &
		    EXT2_RO_COMPAT_LARGE_FILE)) {
			en->en_em->em_sb.s_feature_ro_compat |=
			    EXT2_RO_COMPAT_LARGE_FILE;
			ext2_sbdirty(en->en_em);
		}
	}
}

static struct ext2_node *
node_find(struct ext2_mount *em, uint32_t ino)
{
	struct ext2_node *en;

	for (en = em->em_nodes; en != NULL; en = en->en_next)
		if (en->en_ino == ino)
			return en;
	return NULL;
}

static int
node_make(struct ext2_mount *em, uint32_t ino, const struct ext2_dinode *di,
    struct ext2_node **enp)
{
	struct ext2_node *en;
	mode_t type = ext2_vtype(di->i_mode);

	if (type == 0)
		return ext2_error(em, "inode %u: bad mode 0%o", ino, di->i_mode);
	en = kmem_zalloc(sizeof(*en), KM_SLEEP);
	if (en == NULL)
		return -ENOMEM;
	en->en_em = em;
	en->en_ino = ino;
	en->en_di = *di;
	en->en_size = di->i_size;
	if (S_ISREG(di->i_mode))
		en->en_size |= (uint64_t)di->i_size_high << 32;
	en->en_vnode = vnode_alloc(em->em_mp, type, &ext2_vnodeops, en);
	if (en->en_vnode == NULL) {
		kmem_free(en, sizeof(*en));
		return -ENOMEM;
	}
	if (S_ISCHR(type) || S_ISBLK(type))
		en->en_vnode->v_rdev = ext2_rdev(di);
	en->en_next = em->em_nodes;
	em->em_nodes = en;
	*enp = en;
	return 0;
}

#define EXT2_ITABLE_AHEAD 16	/* inode table blocks read at once */

int
ext2_node_get(struct ext2_mount *em, uint32_t ino, struct ext2_node **enp)
{
	struct ext2_dinode di;
	struct ext2_node *en;
	uint32_t blk, off;
	struct buf *bp;
	int error;

	en = node_find(em, ino);
	if (en != NULL) {
		vref(en->en_vnode);
		*enp = en;
		return 0;
	}
	error = inode_locate(em, ino, &blk, &off);
	if (error != 0)
		return error;
	/* Inodes are loaded in runs (a directory's files were made one
	 * after another): read the inode table ahead, not block by block. */
	error = breadn(em->em_dev, blk, em->em_bsize, EXT2_ITABLE_AHEAD, &bp);
	if (error != 0)
		return error;
	memcpy(&di, (char *)bp->b_data + off, sizeof(di));
	brelse(bp);
	if (di.i_links_count == 0)
		return ext2_error(em, "inode %u: referenced but unused", ino);
	/* A directory is read whole on every lookup: it cannot be bigger
	 * than the file system (a lie there would make lookups crawl). */
	if (S_ISDIR(di.i_mode) && ((di.i_size % em->em_bsize) != 0 ||
	    di.i_size / em->em_bsize > em->em_sb.s_blocks_count))
		return ext2_error(em, "directory %u: bad size %u", ino,
		    di.i_size);
	return node_make(em, ino, &di, enp);
}

int
ext2_iupdate(struct ext2_node *en)
{
	struct ext2_mount *em = en->en_em;
	uint32_t blk, off;
	struct buf *bp;
	int error;

	if (em->em_rdonly)
		return 0;
	error = inode_locate(em, en->en_ino, &blk, &off);
	if (error != 0)
		return error;
	error = bread(em->em_dev, blk, em->em_bsize, &bp);
	if (error != 0)
		return error;
	memcpy((char *)bp->b_data + off, &en->en_di, sizeof(en->en_di));
	bdwrite(bp);
	return 0;
}

void
ext2_itimes(struct ext2_node *en, int which)
{
	struct timespec ts;

	vfs_timestamp(&ts);
	if (which & VA_ATIME)
		en->en_di.i_atime = (uint32_t)ts.tv_sec;
	if (which & VA_MTIME)
		en->en_di.i_mtime = (uint32_t)ts.tv_sec;
	if (which & VA_CTIME)
		en->en_di.i_ctime = (uint32_t)ts.tv_sec;
}

int
ext2_node_new(struct ext2_mount *em, struct ext2_node *dir, mode_t mode,
    uid_t uid, gid_t gid, struct ext2_node **enp)
{
	uint32_t ino, blk, off;
	struct ext2_dinode di;
	struct buf *bp;
	uint32_t g = (dir->en_ino - 1) / em->em_sb.s_inodes_per_group;
	int error;

	error = ext2_ialloc(em, g, S_ISDIR(mode), &ino);
	if (error != 0)
		return error;
	memset(&di, 0, sizeof(di));
	di.i_mode = (uint16_t)mode;
	di.i_uid = (uint16_t)uid;
	di.i_uid_high = (uint16_t)(uid >> 16);
	di.i_gid = (uint16_t)gid;
	di.i_gid_high = (uint16_t)(gid >> 16);
	di.i_links_count = 1;
	di.i_generation = ino * 2654435761u;
	error = inode_locate(em, ino, &blk, &off);
	if (error == 0)
		error = bread(em->em_dev, blk, em->em_bsize, &bp);
	if (error != 0) {
		ext2_ifree(em, ino, S_ISDIR(mode));
		return error;
	}
	/* Clear the whole on-disk inode, extra space included: a reused
	 * slot must not keep a former owner's extended fields. */
	memset((char *)bp->b_data + off, 0, em->em_isize);
	if (em->em_isize > EXT2_GOOD_OLD_INODE_SIZE) {
		/* i_extra_isize: the fixed extra fields mke2fs reserves. */
		uint16_t extra = (uint16_t)MIN(32u, em->em_isize - 128);
		memcpy((char *)bp->b_data + off + 128, &extra, 2);
	}
	bdwrite(bp);
	error = node_make(em, ino, &di, enp);
	if (error != 0) {
		ext2_ifree(em, ino, S_ISDIR(mode));
		return error;
	}
	ext2_itimes(*enp, VA_ATIME | VA_MTIME | VA_CTIME);
	return ext2_iupdate(*enp);
}

uint64_t
ext2_maxsize(struct ext2_mount *em)
{
	uint64_t p = em->em_ppb;
	uint64_t nblocks = EXT2_NDIR + p + p * p + p * p * p;
	/* i_blocks counts 512-byte sectors in 32 bits. */
	uint64_t bycount = ((uint64_t)1 << 32) / (em->em_bsize / 512) - 1 -
	    (p * p + p + 1 + 2);
	return MIN(nblocks, bycount) * em->em_bsize;
}

/*
 * Read pointer idx of indirect block blk, allocating a new child when
 * alloc and it is zero.
 */
static int
ind_get(struct ext2_node *en, uint32_t blk, uint32_t idx, bool alloc,
    uint32_t *childp, bool *newp)
{
	struct ext2_mount *em = en->en_em;
	struct buf *bp;
	uint32_t *ptr, c;
	int error;

	error = bread(em->em_dev, blk, em->em_bsize, &bp);
	if (error != 0)
		return error;
	ptr = bp->b_data;
	c = ptr[idx];
	if (c != 0 && !ext2_blkok(em, c)) {
		brelse(bp);
		return ext2_error(em, "inode %u: block %u out of range",
		    en->en_ino, c);
	}
	if (c == 0 && alloc) {
		error = ext2_balloc(em, blk, &c);
		if (error != 0) {
			brelse(bp);
			return error;
		}
		ext2_blocks_add(en, 1);
		ptr[idx] = c;
		*newp = true;
		bdwrite(bp);
	} else {
		brelse(bp);
	}
	*childp = c;
	return 0;
}

int
ext2_bmap(struct ext2_node *en, uint64_t lbn, bool alloc, uint32_t *pblkp,
    bool *newp)
{
	struct ext2_mount *em = en->en_em;
	uint64_t p = em->em_ppb, span = 1;
	uint32_t *slot, blk, goal;
	int depth, error;
	bool isnew = false;

	*newp = false;
	if (lbn < EXT2_NDIR) {
		slot = &en->en_di.i_block[lbn];
		depth = 0;
	} else if ((lbn -= EXT2_NDIR) < p) {
		slot = &en->en_di.i_block[EXT2_IND];
		depth = 1;
	} else if ((lbn -= p) < p * p) {
		slot = &en->en_di.i_block[EXT2_DIND];
		depth = 2;
	} else if ((lbn -= p * p) < p * p * p) {
		slot = &en->en_di.i_block[EXT2_TIND];
		depth = 3;
	} else {
		return -EFBIG;
	}
	blk = *slot;
	if (blk != 0 && !ext2_blkok(em, blk))
		return ext2_error(em, "inode %u: block %u out of range",
		    en->en_ino, blk);
	if (blk == 0) {
		if (!alloc) {
			*pblkp = 0;
			return 0;
		}
		/* Near the inode's group: its inode table is the goal. */
		goal = em->em_gd[(en->en_ino - 1) /
		    em->em_sb.s_inodes_per_group].bg_inode_table;
		error = ext2_balloc(em, goal, &blk);
		if (error != 0)
			return error;
		ext2_blocks_add(en, 1);
		*slot = blk;
		isnew = true;
		ext2_iupdate(en);
	}
	for (int d = 1; d < depth; d++)
		span *= p;
	while (depth-- > 0) {
		uint32_t child = 0;
		bool cnew = false;
		error = ind_get(en, blk, (uint32_t)(lbn / span), alloc, &child,
		    &cnew);
		if (error != 0)
			return error;
		if (child == 0) {
			*pblkp = 0;
			return 0;
		}
		if (cnew)
			ext2_iupdate(en);
		isnew = cnew;
		lbn %= span;
		span /= p;
		blk = child;
	}
	*pblkp = blk;
	*newp = isnew;
	return 0;
}

/*
 * Free everything at logical blocks >= from below indirect block blk of
 * depth (1: its pointers are data blocks) whose first logical block is
 * base.  *emptyp: nothing is left in it.
 */
static int
trunc_ind(struct ext2_node *en, uint32_t blk, int depth, uint64_t base,
    uint64_t from, bool *emptyp)
{
	struct ext2_mount *em = en->en_em;
	uint64_t span = 1;
	struct buf *bp;
	uint32_t *ptr;
	bool empty = true, dirty = false;
	int error;

	for (int d = 1; d < depth; d++)
		span *= em->em_ppb;
	error = bread(em->em_dev, blk, em->em_bsize, &bp);
	if (error != 0)
		return error;
	ptr = bp->b_data;
	for (uint32_t i = 0; i < em->em_ppb; i++) {
		uint64_t cbase = base + i * span;
		bool cempty = true;
		if (ptr[i] == 0)
			continue;
		if (cbase + span <= from) {
			empty = false;
			continue;
		}
		if (!ext2_blkok(em, ptr[i])) {
			error = ext2_error(em, "inode %u: block %u out of "
			    "range", en->en_ino, ptr[i]);
			ptr[i] = 0; /* drop the bad pointer, keep going */
			dirty = true;
			continue;
		}
		if (depth > 1) {
			int e;
			cempty = false; /* a failed read frees nothing */
			e = trunc_ind(en, ptr[i], depth - 1, cbase, from,
			    &cempty);
			if (e != 0)
				error = e;
		}
		if (cempty) {
			ext2_bfree(em, ptr[i]);
			ext2_blocks_add(en, -1);
			ptr[i] = 0;
			dirty = true;
		} else {
			empty = false;
		}
	}
	if (dirty)
		bdwrite(bp);
	else
		brelse(bp);
	*emptyp = empty;
	return error;
}

int
ext2_truncate(struct ext2_node *en, uint64_t size)
{
	struct ext2_mount *em = en->en_em;
	uint64_t p = em->em_ppb, bs = em->em_bsize;
	uint64_t from = (size + bs - 1) / bs;
	uint64_t base[4] = { 0, EXT2_NDIR, EXT2_NDIR + p,
	    EXT2_NDIR + p + p * p };
	int error = 0;

	if (size > ext2_maxsize(em))
		return -EFBIG;
	/* Fast symlinks keep their target in i_block: no blocks. */
	if (ext2_isfastlink(en)) {
		if (size == 0)
			memset(en->en_di.i_block, 0, sizeof(en->en_di.i_block));
		goto out;
	}
	if (S_ISCHR(en->en_di.i_mode) || S_ISBLK(en->en_di.i_mode) ||
	    S_ISFIFO(en->en_di.i_mode) || S_ISSOCK(en->en_di.i_mode))
		goto out;
	if (size < en->en_size && size % bs != 0) {
		/* Zero the tail of the last kept block, so that growing
		 * the file later shows zeros there. */
		uint32_t pblk;
		bool isnew;
		struct buf *bp;
		error = ext2_bmap(en, size / bs, false, &pblk, &isnew);
		if (error == 0 && pblk != 0 &&
		    (error = bread(em->em_dev, pblk, em->em_bsize, &bp)) == 0) {
			memset((char *)bp->b_data + size % bs, 0,
			    bs - size % bs);
			bdwrite(bp);
		}
		if (error != 0)
			return error;
	}
	for (uint64_t i = from; i < EXT2_NDIR; i++) {
		uint32_t b = en->en_di.i_block[i];
		if (b == 0)
			continue;
		if (ext2_blkok(em, b)) {
			ext2_bfree(em, b);
			ext2_blocks_add(en, -1);
		} else {
			error = ext2_error(em, "inode %u: block %u out of "
			    "range", en->en_ino, b);
		}
		en->en_di.i_block[i] = 0;
	}
	for (int d = 1; d <= 3; d++) {
		uint32_t *slot = &en->en_di.i_block[EXT2_NDIR + d - 1];
		bool empty = false;
		int e;
		if (*slot == 0)
			continue;
		if (!ext2_blkok(em, *slot)) {
			error = ext2_error(em, "inode %u: block %u out of "
			    "range", en->en_ino, *slot);
			*slot = 0;
			continue;
		}
		e = trunc_ind(en, *slot, d, base[d], from, &empty);
		if (e != 0)
			error = e;
		if (empty) {
			ext2_bfree(em, *slot);
			ext2_blocks_add(en, -1);
			*slot = 0;
		}
	}
out:
	ext2_setsize(en, size);
	ext2_iupdate(en);
	return error;
}

/* Give back an unlinked inode: its blocks, then the inode itself. */
static void
ext2_node_destroy(struct ext2_node *en)
{
	struct ext2_mount *em = en->en_em;
	bool isdir = S_ISDIR(en->en_di.i_mode);
	struct timespec ts;

	ext2_truncate(en, 0);
	if (en->en_di.i_file_acl != 0) {
		/* An extended-attribute block: drop our reference. */
		struct buf *bp;
		uint32_t b = en->en_di.i_file_acl;
		if (ext2_blkok(em, b) &&
		    bread(em->em_dev, b, em->em_bsize, &bp) == 0) {
			uint32_t *refs = (uint32_t *)bp->b_data + 1;
			if (*refs <= 1) {
				brelse(bp);
				ext2_bfree(em, b);
			} else {
				(*refs)--;
				bdwrite(bp);
			}
		}
		en->en_di.i_file_acl = 0;
	}
	vfs_timestamp(&ts);
	en->en_di.i_dtime = (uint32_t)ts.tv_sec;
	en->en_di.i_blocks = 0;
	ext2_iupdate(en);
	ext2_ifree(em, en->en_ino, isdir);
}

void
ext2_node_release(struct ext2_node *en)
{
	struct ext2_mount *em = en->en_em;
	struct ext2_node **pp;
	struct vnode *vp = en->en_vnode;

	/* Under em_lock (writer): nobody can find it to take a ref. */
	if (!vnode_drop_last(vp))
		return;
	if (en->en_di.i_links_count == 0 && !em->em_rdonly)
		ext2_node_destroy(en);
	for (pp = &em->em_nodes; *pp != en; pp = &(*pp)->en_next)
		KASSERT(*pp != NULL);
	*pp = en->en_next;
	vnode_free(vp);
	kmem_free(en, sizeof(*en));
}
