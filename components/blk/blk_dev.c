/*
 * blk_dev.c -- the block device registry, opening a device by name or
 * by an etfs node, and synchronous transfers over the asynchronous
 * strategy routine.
 */
#include "blk_int.h"
#include <vfs/vfs.h>
#include <vfs/vnode.h>

kmutex_t blk_lock;
kcondvar_t blk_donecv;
static struct blkdev *blk_list;

void
blkdev_init(void)
{
	mutex_init(&blk_lock, MUTEX_DEFAULT);
	cv_init(&blk_donecv);
}

static struct blkdev *
blkdev_find(const char *name)
{
	struct blkdev *bd;

	for (bd = blk_list; bd != NULL; bd = bd->bd_next)
		if (strcmp(bd->bd_name, name) == 0)
			return bd;
	return NULL;
}

int
blkdev_register(struct blkdev *bd)
{
	if (bd->bd_secsize == 0 || (bd->bd_secsize & (bd->bd_secsize - 1)) ||
	    bd->bd_name[0] == '\0')
		return -EINVAL;
	mutex_enter(&blk_lock);
	if (blkdev_find(bd->bd_name) != NULL) {
		mutex_exit(&blk_lock);
		return -EEXIST;
	}
	bd->bd_refs++; /* the registry's */
	bd->bd_next = blk_list;
	blk_list = bd;
	mutex_exit(&blk_lock);
	return 0;
}

void
blkdev_unregister(struct blkdev *bd)
{
	struct blkdev **pp;

	mutex_enter(&blk_lock);
	for (pp = &blk_list; *pp != NULL; pp = &(*pp)->bd_next) {
		if (*pp == bd) {
			*pp = bd->bd_next;
			break;
		}
	}
	bd->bd_gone = true;
	mutex_exit(&blk_lock);
	blkdev_close(bd);
}

int
blkdev_open(const char *path, struct blkdev **bdp)
{
	const char *name = path, *hostpath;
	struct blkdev *bd;
	struct vnode *vp;
	bool rdonly = false;
	int error;

	if (strncmp(name, "/dev/", 5) == 0)
		name += 5;
	mutex_enter(&blk_lock);
	bd = blkdev_find(name);
	if (bd == NULL)
		bd = blkdev_find(path);
	if (bd != NULL)
		bd->bd_refs++;
	mutex_exit(&blk_lock);
	if (bd != NULL) {
		*bdp = bd;
		return 0;
	}
	/* Not a registered name: an etfs block node stands for its host
	 * file, which becomes a device of its own for this user. */
	if (path[0] != '/')
		return -ENOENT;
	error = vfs_lookup(path, &vp);
	if (error != 0)
		return error;
	if (vp->v_type != S_IFBLK) {
		vrele(vp);
		return -ENOTBLK;
	}
	hostpath = etfs_hostpath(vp, &rdonly);
	error = hostpath == NULL ? -ENXIO :
	    blkdev_host_open(path, hostpath, rdonly, bdp);
	vrele(vp);
	return error;
}

void
blkdev_close(struct blkdev *bd)
{
	bool last;

	mutex_enter(&blk_lock);
	last = --bd->bd_refs == 0;
	mutex_exit(&blk_lock);
	if (last) {
		binval(bd);
		if (bd->bd_ops->close != NULL)
			bd->bd_ops->close(bd);
	}
}

void
biodone(struct bio *bio, int error)
{
	mutex_enter(&blk_lock);
	bio->bio_error = error;
	bio->bio_done = true;
	cv_broadcast(&blk_donecv);
	mutex_exit(&blk_lock);
}

int
blk_rw(struct blkdev *bd, bool write, void *data, size_t len, uint64_t off)
{
	struct bio bio = {
		.bio_dev = bd, .bio_write = write, .bio_data = data,
		.bio_len = len, .bio_off = off,
	};

	if ((off | len) & (bd->bd_secsize - 1))
		return -EINVAL;
	if (off > blk_size(bd) || len > blk_size(bd) - off)
		return -EIO;
	if (write && bd->bd_rdonly)
		return -EROFS;
	bd->bd_ops->strategy(bd, &bio);
	mutex_enter(&blk_lock);
	while (!bio.bio_done)
		cv_wait(&blk_donecv, &blk_lock);
	mutex_exit(&blk_lock);
	return bio.bio_error;
}

static int
blk_init(void)
{
	blkdev_init();
	bcache_init();
	return 0;
}

RUMP_COMPONENT(rumpblk, RUMP_LEVEL_VFS, blk_init);
