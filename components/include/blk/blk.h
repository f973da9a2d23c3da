/*
 * blk/blk.h -- block devices and the buffer cache (components/blk).
 *
 * A block device is a struct blkdev registered under a name ("vblk0",
 * or the etfs key of a host image).  Its back end starts transfers
 * with bd_ops->strategy and reports them with biodone(); the buffer
 * cache above it keeps file-system blocks in memory, writes dirty ones
 * back on bsync() (fsync, sync, unmount) and gives clean ones back to
 * the kernel's page daemon under RUMP_MEMLIMIT pressure.
 *
 * Every function returns 0 or -errno unless it says otherwise.
 */
#ifndef BLK_BLK_H
#define BLK_BLK_H

#include <kern/kern.h>

struct blkdev;
struct buf;

/* One transfer, as the back end sees it. */
struct bio {
	struct blkdev *bio_dev;
	bool bio_write;
	void *bio_data;          /* bio_len bytes, owned by the caller */
	size_t bio_len;          /* a multiple of the sector size */
	uint64_t bio_off;        /* byte offset, sector-aligned */
	int bio_error;           /* set by biodone */
	bool bio_done;           /* private: biodone was called */
};

struct blkdev_ops {
	/*
	 * strategy: start bio; MUST call biodone(bio, error) exactly once
	 * when it completes, possibly before returning, in kernel context
	 * (a back end whose completion arrives on a host thread takes a
	 * virtual CPU with rump_schedule first).  MUST NOT block.
	 */
	void (*strategy)(struct blkdev *bd, struct bio *bio);
	/* flush: make every completed write stable.  May block. */
	int (*flush)(struct blkdev *bd);
	/* close: the last user went after blkdev_unregister; free priv. */
	void (*close)(struct blkdev *bd);
};

struct blkdev {
	char bd_name[64];
	uint64_t bd_nsectors;
	uint32_t bd_secsize;     /* 512 or 4096 */
	bool bd_rdonly;
	const struct blkdev_ops *bd_ops;
	void *bd_priv;           /* the back end's */
	int bd_refs;             /* private */
	bool bd_gone;            /* private: unregistered */
	struct blkdev *bd_next;  /* private */
};

/*
 * blkdev_register: make bd known under bd_name; the registry holds one
 * reference.  -EEXIST if the name is taken, -EINVAL for a bad size.
 */
int blkdev_register(struct blkdev *bd);
/* blkdev_unregister: forget bd's name; close() runs when unused. */
void blkdev_unregister(struct blkdev *bd);
/*
 * blkdev_open: the block device named by path, referenced: a registered
 * name ("vblk0"), "/dev/NAME", or the path of an etfs block node (whose
 * host file is then opened as a device of its own).  -ENOENT / -ENOTBLK.
 */
int blkdev_open(const char *path, struct blkdev **bdp);
/* blkdev_close: drop a reference from blkdev_open. */
void blkdev_close(struct blkdev *bd);

/* biodone: the back end's completion of bio (kernel context). */
void biodone(struct bio *bio, int error);
/*
 * blk_rw: transfer len bytes at byte off synchronously (both aligned to
 * the sector size); -EIO past the end, -EROFS writing a read-only one.
 */
int blk_rw(struct blkdev *bd, bool write, void *data, size_t len,
    uint64_t off);
/* blk_size: the device's size in bytes. */
#define blk_size(bd) ((bd)->bd_nsectors * (bd)->bd_secsize)

/*
 * The buffer cache.  A buffer is one block of size bytes (a multiple of
 * the sector size) at index blkno, i.e. byte offset blkno * size; a
 * device must be read with one block size at a time.
 */
struct buf {
	struct blkdev *b_dev;
	uint64_t b_blkno;
	size_t b_size;
	void *b_data;            /* b_size bytes */
	int b_flags;             /* B_* (private) */
	int b_refs;              /* private */
	struct buf *b_hnext;     /* private: hash chain */
	struct buf *b_lnext, *b_lprev; /* private: LRU of unreferenced */
};
#define B_VALID 0x01   /* b_data holds the block's contents */
#define B_DIRTY 0x02   /* b_data is newer than the disk */

/* bread: the block, read if not cached; referenced (brelse it). */
int bread(struct blkdev *bd, uint64_t blkno, size_t size, struct buf **bpp);
/*
 * breadn: as bread, but when blkno is not cached it is read in one
 * transfer together with those of the n-1 blocks after it that are not
 * cached either (up to the first cached one, at most BREADN_MAX): the
 * read-ahead of a sequential reader, one device I/O per run of blocks
 * instead of one per block.  The extra blocks stay cached, unreferenced.
 */
#define BREADN_MAX 64
int breadn(struct blkdev *bd, uint64_t blkno, size_t size, unsigned n,
    struct buf **bpp);
/* bincore: whether block blkno of bd is in the cache (any state). */
bool bincore(struct blkdev *bd, uint64_t blkno);
/* bget_zero: the block, zero-filled, without reading (new blocks). */
int bget_zero(struct blkdev *bd, uint64_t blkno, size_t size,
    struct buf **bpp);
/* brelse: drop a reference (the block stays cached). */
void brelse(struct buf *bp);
/* bdwrite: mark bp dirty and drop the reference (written back later). */
void bdwrite(struct buf *bp);
/* bwrite: write bp now and drop the reference. */
int bwrite(struct buf *bp);
/* bsync: write every dirty block of bd, then flush the device. */
int bsync(struct blkdev *bd);
/* binval: drop every cached block of bd (after bsync, on unmount). */
void binval(struct blkdev *bd);

#endif /* BLK_BLK_H */
