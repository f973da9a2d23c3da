/*
 * ext2_alloc.c -- block and inode allocation in the group bitmaps, with
 * the group descriptors' and the superblock's free counts kept in step.
 */
#include "ext2.h"

bool
ext2_blkok(struct ext2_mount *em, uint32_t blk)
{
	return blk >= em->em_sb.s_first_data_block &&
	    blk < em->em_sb.s_blocks_count;
}

/* Number of blocks group g covers (the last one may be short). */
static uint32_t
group_nblocks(struct ext2_mount *em, uint32_t g)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t first = sb->s_first_data_block + g * sb->s_blocks_per_group;

	return MIN(sb->s_blocks_per_group, sb->s_blocks_count - first);
}

static uint32_t
group_ninodes(struct ext2_mount *em, uint32_t g)
{
	struct ext2_super *sb = &em->em_sb;
	uint64_t first = (uint64_t)g * sb->s_inodes_per_group;

	if (first >= sb->s_inodes_count)
		return 0;
	return (uint32_t)MIN(sb->s_inodes_per_group, sb->s_inodes_count -
	    first);
}

/* First clear bit of bitmap block bno below n, from start; -1: none. */
static int
bitmap_take(struct ext2_mount *em, uint32_t bno, uint32_t n, uint32_t start,
    uint32_t *bitp)
{
	struct buf *bp;
	uint8_t *map;
	int error;

	error = bread(em->em_dev, bno, em->em_bsize, &bp);
	if (error != 0)
		return error;
	map = bp->b_data;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t i = (start + k) % n;
		if (!(map[i >> 3] & (1u << (i & 7)))) {
			map[i >> 3] |= (uint8_t)(1u << (i & 7));
			*bitp = i;
			bdwrite(bp);
			return 0;
		}
	}
	brelse(bp);
	return -ENOSPC;
}

/* Clear bit i of bitmap block bno; -EIO if it was already clear. */
static int
bitmap_clear(struct ext2_mount *em, uint32_t bno, uint32_t i)
{
	struct buf *bp;
	uint8_t *map;
	int error;

	error = bread(em->em_dev, bno, em->em_bsize, &bp);
	if (error != 0)
		return error;
	map = bp->b_data;
	if (!(map[i >> 3] & (1u << (i & 7)))) {
		brelse(bp);
		return ext2_error(em, "freeing free bit %u of bitmap %u", i,
		    bno);
	}
	map[i >> 3] &= (uint8_t)~(1u << (i & 7));
	bdwrite(bp);
	return 0;
}

int
ext2_balloc(struct ext2_mount *em, uint32_t goal, uint32_t *blkp)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t g0 = 0, start = 0, bit;
	struct buf *bp;
	int error;

	if (sb->s_free_blocks_count == 0)
		return -ENOSPC;
	if (ext2_blkok(em, goal)) {
		g0 = (goal - sb->s_first_data_block) / sb->s_blocks_per_group;
		start = (goal - sb->s_first_data_block) % sb->s_blocks_per_group;
	}
	for (uint32_t k = 0; k < em->em_ngroups; k++) {
		uint32_t g = (g0 + k) % em->em_ngroups;
		struct ext2_gd *gd = &em->em_gd[g];
		uint32_t n = group_nblocks(em, g);
		if (gd->bg_free_blocks_count == 0)
			continue;
		error = bitmap_take(em, gd->bg_block_bitmap, n,
		    k == 0 ? start % n : 0, &bit);
		if (error == -ENOSPC) {
			/* The count said free blocks but the map has none. */
			return ext2_error(em, "group %u: free block count "
			    "%u but bitmap full", g, gd->bg_free_blocks_count);
		}
		if (error != 0)
			return error;
		gd->bg_free_blocks_count--;
		sb->s_free_blocks_count--;
		ext2_sbdirty(em);
		*blkp = sb->s_first_data_block + g * sb->s_blocks_per_group + bit;
		/* A new block starts as zeros on disk, too. */
		error = bget_zero(em->em_dev, *blkp, em->em_bsize, &bp);
		if (error != 0)
			return error;
		bdwrite(bp);
		return 0;
	}
	return -ENOSPC;
}

void
ext2_bfree(struct ext2_mount *em, uint32_t blk)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t g, bit;

	if (!ext2_blkok(em, blk)) {
		ext2_error(em, "freeing block %u out of range", blk);
		return;
	}
	g = (blk - sb->s_first_data_block) / sb->s_blocks_per_group;
	bit = (blk - sb->s_first_data_block) % sb->s_blocks_per_group;
	if (bitmap_clear(em, em->em_gd[g].bg_block_bitmap, bit) != 0)
		return;
	em->em_gd[g].bg_free_blocks_count++;
	sb->s_free_blocks_count++;
	ext2_sbdirty(em);
}

int
ext2_ialloc(struct ext2_mount *em, uint32_t dirgroup, bool isdir,
    uint32_t *inop)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t bit;
	int error;

	if (sb->s_free_inodes_count == 0)
		return -ENOSPC;
	for (uint32_t k = 0; k < em->em_ngroups; k++) {
		uint32_t g = (dirgroup + k) % em->em_ngroups;
		struct ext2_gd *gd = &em->em_gd[g];
		uint32_t n = group_ninodes(em, g);
		uint32_t first = g == 0 ? sb->s_first_ino - 1 : 0;
		if (gd->bg_free_inodes_count == 0 || n <= first)
			continue;
		error = bitmap_take(em, gd->bg_inode_bitmap, n, first, &bit);
		if (error == -ENOSPC)
			return ext2_error(em, "group %u: free inode count %u "
			    "but bitmap full", g, gd->bg_free_inodes_count);
		if (error != 0)
			return error;
		if (g == 0 && bit < first) {
			/* Wrapped into the reserved inodes: give it back. */
			bitmap_clear(em, gd->bg_inode_bitmap, bit);
			continue;
		}
		gd->bg_free_inodes_count--;
		if (isdir)
			gd->bg_used_dirs_count++;
		sb->s_free_inodes_count--;
		ext2_sbdirty(em);
		*inop = g * sb->s_inodes_per_group + bit + 1;
		return 0;
	}
	return -ENOSPC;
}

void
ext2_ifree(struct ext2_mount *em, uint32_t ino, bool isdir)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t g = (ino - 1) / sb->s_inodes_per_group;
	uint32_t bit = (ino - 1) % sb->s_inodes_per_group;

	if (bitmap_clear(em, em->em_gd[g].bg_inode_bitmap, bit) != 0)
		return;
	em->em_gd[g].bg_free_inodes_count++;
	if (isdir && em->em_gd[g].bg_used_dirs_count > 0)
		em->em_gd[g].bg_used_dirs_count--;
	sb->s_free_inodes_count++;
	ext2_sbdirty(em);
}
