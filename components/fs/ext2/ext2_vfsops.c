/*
 * ext2_vfsops.c -- ext2 as a file system type: mounting (superblock
 * and feature checks, group descriptors), the superblock's state flag
 * and mount count, sync, unmount and statfs; reporting corruption.
 */
#include "ext2.h"
#include <kern/time.h>

#define EXT2_SUPER_MAGIC_STATFS 0xEF53

/* Every mounted ext2, for the shutdown hook. */
static kmutex_t ext2_mounts_lock;
static struct ext2_mount *ext2_mounts;

int
ext2_error(struct ext2_mount *em, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printf("ext2: %s: error: %s\n", em->em_dev->bd_name, msg);
	if (!(em->em_sb.s_state & EXT2_ERROR_FS)) {
		em->em_sb.s_state |= EXT2_ERROR_FS;
		ext2_sbdirty(em);
	}
	return -EIO;
}

static uint32_t
ext2_now(void)
{
	struct timespec ts;

	vfs_timestamp(&ts);
	return (uint32_t)ts.tv_sec;
}

/* Write the superblock and group descriptors into the cache. */
static int
ext2_sbwrite(struct ext2_mount *em)
{
	uint32_t bs = em->em_bsize, gdstart = em->em_sb.s_first_data_block + 1;
	struct buf *bp;
	int error;

	em->em_sb.s_wtime = ext2_now();
	error = bread(em->em_dev, EXT2_SUPER_OFFSET / bs, bs, &bp);
	if (error != 0)
		return error;
	memcpy((char *)bp->b_data + EXT2_SUPER_OFFSET % bs, &em->em_sb,
	    EXT2_SUPER_SIZE);
	bdwrite(bp);
	for (uint32_t i = 0; i < em->em_gdblocks; i++) {
		size_t off = (size_t)i * bs, n = em->em_ngroups *
		    sizeof(struct ext2_gd) - off;
		error = bread(em->em_dev, gdstart + i, bs, &bp);
		if (error != 0)
			return error;
		memcpy(bp->b_data, (char *)em->em_gd + off, MIN(n, bs));
		bdwrite(bp);
	}
	em->em_dirty = false;
	return 0;
}

int
ext2_sync_locked(struct ext2_mount *em)
{
	int error = 0;

	if (em->em_rdonly)
		return 0;
	if (em->em_dirty)
		error = ext2_sbwrite(em);
	if (error == 0)
		error = bsync(em->em_dev);
	return error;
}

/* Check the superblock; sets em_rdonly if we may only read. */
static int
ext2_checksb(struct ext2_mount *em, bool rdonly)
{
	struct ext2_super *sb = &em->em_sb;
	const char *dev = em->em_dev->bd_name;
	uint64_t devblocks;
	uint32_t unknown;

	if (sb->s_magic != EXT2_MAGIC) {
		printf("ext2: %s: bad magic 0x%x: not an ext2 file system\n",
		    dev, sb->s_magic);
		return -EINVAL;
	}
	if (sb->s_rev_level != 1) {
		printf("ext2: %s: revision %u not supported (only 1)\n", dev,
		    sb->s_rev_level);
		return -EINVAL;
	}
	if (sb->s_log_block_size > 2) {
		printf("ext2: %s: block size 1024<<%u not supported\n", dev,
		    sb->s_log_block_size);
		return -EINVAL;
	}
	em->em_bsize = 1024u << sb->s_log_block_size;
	em->em_ppb = em->em_bsize / 4;
	em->em_isize = sb->s_inode_size;
	unknown = sb->s_feature_incompat & ~EXT2_INCOMPAT_READ;
	if (unknown != 0) {
		printf("ext2: %s: incompatible features 0x%x: cannot mount\n",
		    dev, unknown);
		return -EINVAL;
	}
	devblocks = blk_size(em->em_dev) / em->em_bsize;
	if (sb->s_blocks_per_group == 0 || sb->s_inodes_per_group == 0 ||
	    sb->s_blocks_per_group > 8 * em->em_bsize ||
	    sb->s_inodes_per_group > 8 * em->em_bsize ||
	    em->em_isize < EXT2_GOOD_OLD_INODE_SIZE ||
	    em->em_isize > em->em_bsize ||
	    (em->em_isize & (em->em_isize - 1)) != 0 ||
	    sb->s_first_data_block != (em->em_bsize == 1024 ? 1u : 0u) ||
	    sb->s_blocks_count <= sb->s_first_data_block ||
	    sb->s_blocks_count > devblocks ||
	    sb->s_first_ino < 3 ||
	    sb->s_first_ino > sb->s_inodes_count) {
		printf("ext2: %s: inconsistent superblock geometry "
		    "(or the device is smaller than the file system)\n", dev);
		return -EINVAL;
	}
	em->em_ngroups = (sb->s_blocks_count - sb->s_first_data_block +
	    sb->s_blocks_per_group - 1) / sb->s_blocks_per_group;
	if ((uint64_t)em->em_ngroups * sb->s_inodes_per_group <
	    sb->s_inodes_count || sb->s_inodes_count < EXT2_ROOT_INO ||
	    (uint64_t)em->em_ngroups * sizeof(struct ext2_gd) >
	    (uint64_t)sb->s_blocks_count * em->em_bsize) {
		printf("ext2: %s: inconsistent group counts\n", dev);
		return -EINVAL;
	}
	em->em_gdblocks = (uint32_t)((em->em_ngroups * sizeof(struct ext2_gd) +
	    em->em_bsize - 1) / em->em_bsize);
	em->em_filetype = (sb->s_feature_incompat & EXT2_INCOMPAT_FILETYPE)
	    != 0;
	em->em_rdonly = rdonly || em->em_dev->bd_rdonly;
	if (!em->em_rdonly) {
		const char *why = NULL;
		if (sb->s_feature_incompat & ~EXT2_INCOMPAT_WRITE)
			why = "incompatible features";
		else if (sb->s_feature_ro_compat & ~EXT2_RO_COMPAT_WRITE)
			why = "read-only-compatible features";
		else if (sb->s_feature_compat & ~EXT2_COMPAT_WRITE)
			why = "compatible features (a journal?)";
		else if (sb->s_state & EXT2_ERROR_FS)
			why = "errors recorded: run e2fsck";
		if (why != NULL) {
			printf("ext2: %s: %s this driver cannot write: "
			    "mounting read-only\n", dev, why);
			em->em_rdonly = true;
		} else if (!(sb->s_state & EXT2_VALID_FS)) {
			printf("ext2: %s: warning: not cleanly unmounted, "
			    "e2fsck recommended\n", dev);
		}
	}
	return 0;
}

static int
ext2_readgd(struct ext2_mount *em)
{
	struct ext2_super *sb = &em->em_sb;
	uint32_t bs = em->em_bsize;
	struct buf *bp;
	int error;

	em->em_gd = kmem_zalloc((size_t)em->em_gdblocks * bs, KM_SLEEP);
	if (em->em_gd == NULL)
		return -ENOMEM;
	for (uint32_t i = 0; i < em->em_gdblocks; i++) {
		error = bread(em->em_dev, sb->s_first_data_block + 1 + i, bs,
		    &bp);
		if (error != 0)
			return error;
		memcpy((char *)em->em_gd + (size_t)i * bs, bp->b_data, bs);
		brelse(bp);
	}
	for (uint32_t g = 0; g < em->em_ngroups; g++) {
		struct ext2_gd *gd = &em->em_gd[g];
		uint64_t itblocks = ((uint64_t)sb->s_inodes_per_group *
		    em->em_isize + bs - 1) / bs;
		if (!ext2_blkok(em, gd->bg_block_bitmap) ||
		    !ext2_blkok(em, gd->bg_inode_bitmap) ||
		    !ext2_blkok(em, gd->bg_inode_table) ||
		    gd->bg_inode_table + itblocks > sb->s_blocks_count) {
			printf("ext2: %s: group %u: bitmap or inode table "
			    "out of range\n", em->em_dev->bd_name, g);
			return -EINVAL;
		}
	}
	return 0;
}

static int
ext2_mount(struct mount *mp, const char *source, const void *data)
{
	struct ext2_mount *em;
	struct ext2_node *root;
	int error;

	(void)data;
	em = kmem_zalloc(sizeof(*em), KM_SLEEP);
	if (em == NULL)
		return -ENOMEM;
	em->em_mp = mp;
	rw_init(&em->em_lock);
	error = blkdev_open(source, &em->em_dev);
	if (error != 0)
		goto out_free;
	if (blk_size(em->em_dev) < EXT2_SUPER_OFFSET + EXT2_SUPER_SIZE) {
		error = -EINVAL;
		goto out_close;
	}
	error = blk_rw(em->em_dev, false, &em->em_sb, EXT2_SUPER_SIZE,
	    EXT2_SUPER_OFFSET);
	if (error != 0)
		goto out_close;
	error = ext2_checksb(em, (mp->mnt_flags & ST_RDONLY) != 0);
	if (error != 0)
		goto out_close;
	error = ext2_readgd(em);
	if (error != 0)
		goto out_gd;
	mp->mnt_data = em;
	if (em->em_rdonly)
		mp->mnt_flags |= ST_RDONLY;
	rw_enter(&em->em_lock, RW_WRITER);
	error = ext2_node_get(em, EXT2_ROOT_INO, &root);
	if (error == 0 && !S_ISDIR(root->en_di.i_mode)) {
		error = ext2_error(em, "root inode is not a directory");
		ext2_node_release(root);
	}
	if (error != 0) {
		rw_exit(&em->em_lock);
		goto out_gd;
	}
	if (!em->em_rdonly) {
		em->em_sb.s_state &= ~EXT2_VALID_FS;
		em->em_sb.s_mnt_count++;
		em->em_sb.s_mtime = ext2_now();
		ext2_sbdirty(em);
		error = ext2_sync_locked(em);
	}
	rw_exit(&em->em_lock);
	mp->mnt_root = root->en_vnode;
	mutex_enter(&ext2_mounts_lock);
	em->em_next = ext2_mounts;
	ext2_mounts = em;
	mutex_exit(&ext2_mounts_lock);
	return 0;

out_gd:
	if (em->em_gd != NULL)
		kmem_free(em->em_gd, (size_t)em->em_gdblocks * em->em_bsize);
out_close:
	blkdev_close(em->em_dev);
out_free:
	rw_destroy(&em->em_lock);
	kmem_free(em, sizeof(*em));
	return error;
}

static int
ext2_unmount(struct mount *mp)
{
	struct ext2_mount *em = mp->mnt_data, **pp;
	int error = 0;

	mutex_enter(&ext2_mounts_lock);
	for (pp = &ext2_mounts; *pp != em; pp = &(*pp)->em_next)
		KASSERT(*pp != NULL);
	*pp = em->em_next;
	mutex_exit(&ext2_mounts_lock);
	rw_enter(&em->em_lock, RW_WRITER);
	KASSERT(em->em_nodes == NULL);
	if (!em->em_rdonly) {
		em->em_sb.s_state |= EXT2_VALID_FS;
		ext2_sbdirty(em);
		error = ext2_sync_locked(em);
	}
	rw_exit(&em->em_lock);
	kmem_free(em->em_gd, (size_t)em->em_gdblocks * em->em_bsize);
	blkdev_close(em->em_dev);
	rw_destroy(&em->em_lock);
	kmem_free(em, sizeof(*em));
	return error;
}

static int
ext2_statfs(struct mount *mp, struct statfs *st)
{
	struct ext2_mount *em = mp->mnt_data;
	struct ext2_super *sb = &em->em_sb;

	rw_enter(&em->em_lock, RW_READER);
	st->f_type = EXT2_SUPER_MAGIC_STATFS;
	st->f_bsize = em->em_bsize;
	st->f_frsize = em->em_bsize;
	st->f_blocks = sb->s_blocks_count;
	st->f_bfree = sb->s_free_blocks_count;
	st->f_bavail = sb->s_free_blocks_count > sb->s_r_blocks_count ?
	    sb->s_free_blocks_count - sb->s_r_blocks_count : 0;
	st->f_files = sb->s_inodes_count;
	st->f_ffree = sb->s_free_inodes_count;
	st->f_namelen = 255;
	rw_exit(&em->em_lock);
	return 0;
}

static int
ext2_sync(struct mount *mp)
{
	struct ext2_mount *em = mp->mnt_data;
	int error;

	/* vfs_syncall holds mount_lock: never wait for em_lock there. */
	if (!rw_tryenter(&em->em_lock, RW_WRITER))
		return -EBUSY;
	error = ext2_sync_locked(em);
	rw_exit(&em->em_lock);
	return error;
}

static bool
ext2_probe(const char *source)
{
	struct blkdev *bd;
	struct ext2_super *sb;
	bool yes = false;

	if (blkdev_open(source, &bd) != 0)
		return false;
	sb = kmem_alloc(sizeof(*sb), KM_SLEEP);
	if (sb != NULL && blk_size(bd) >= EXT2_SUPER_OFFSET + EXT2_SUPER_SIZE &&
	    blk_rw(bd, false, sb, sizeof(*sb), EXT2_SUPER_OFFSET) == 0)
		yes = sb->s_magic == EXT2_MAGIC;
	if (sb != NULL)
		kmem_free(sb, sizeof(*sb));
	blkdev_close(bd);
	return yes;
}

static struct vfsops ext2_vfsops = {
	.vfs_name = "ext2",
	.vfs_mount = ext2_mount,
	.vfs_unmount = ext2_unmount,
	.vfs_statfs = ext2_statfs,
	.vfs_sync = ext2_sync,
	.vfs_probe = ext2_probe,
};

/*
 * The kernel halts (an image's program exited) with file systems still
 * mounted: write everything back and mark them clean, as unmount would;
 * they stay usable for whatever runs until the end.  A mount whose lock
 * is held (a thread stopped mid-operation) is left not clean, so e2fsck
 * checks it.
 */
static void
ext2_shutdown(void)
{
	struct ext2_mount *em;

	mutex_enter(&ext2_mounts_lock);
	for (em = ext2_mounts; em != NULL; em = em->em_next) {
		if (em->em_rdonly)
			continue;
		if (!rw_tryenter(&em->em_lock, RW_WRITER)) {
			printf("ext2: %s: busy at shutdown, left not clean\n",
			    em->em_dev->bd_name);
			continue;
		}
		em->em_sb.s_state |= EXT2_VALID_FS;
		ext2_sbdirty(em);
		if (ext2_sync_locked(em) != 0)
			printf("ext2: %s: write-back failed at shutdown\n",
			    em->em_dev->bd_name);
		rw_exit(&em->em_lock);
	}
	mutex_exit(&ext2_mounts_lock);
}

static struct shutdown_hook ext2_shutdown_hook = {
	.sh_name = "ext2",
	.sh_fn = ext2_shutdown,
};

static int
ext2_init(void)
{
	mutex_init(&ext2_mounts_lock, MUTEX_DEFAULT);
	vfs_register(&ext2_vfsops);
	shutdown_hook_register(&ext2_shutdown_hook);
	return 0;
}

RUMP_COMPONENT(rumpfs_ext2, RUMP_LEVEL_FS, ext2_init);
