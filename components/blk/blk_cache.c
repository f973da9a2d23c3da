/*
 * blk_cache.c -- the buffer cache: blocks of block devices kept in
 * memory, found by (device, block number) in a hash table, with the
 * unreferenced ones on an LRU list.  Dirty blocks are written back by
 * bsync() or when the cache is over its size and needs room; clean
 * unreferenced ones are freed by the shrinker under memory pressure.
 *
 * A buffer under I/O is B_BUSY: others wait on bc_cv.  The data of a
 * referenced buffer belongs to its user (file systems serialise their
 * own access to a block under their mount lock).
 */
#include "blk_int.h"

#define B_BUSY 0x100       /* I/O in progress (private to this file) */
#define BC_NHASH 1024
/* Without RUMP_MEMLIMIT the cache holds at most this much; with it, an
 * eighth of the limit (the shrinker gives back more when asked). */
#define BC_DEFAULT_MAX ((uint64_t)64 << 20)

static kmutex_t bc_lock;
static kcondvar_t bc_cv;
static struct buf *bc_hash[BC_NHASH];
static struct buf bc_lru;         /* list head: b_lnext is the oldest */
static uint64_t bc_bytes, bc_max;

static struct buf **
bc_chain(struct blkdev *bd, uint64_t blkno)
{
	uintptr_t h = ((uintptr_t)bd >> 4) ^ (uintptr_t)(blkno * 2654435761u);

	return &bc_hash[h % BC_NHASH];
}

static void
lru_remove(struct buf *bp)
{
	if (bp->b_lnext != NULL) {
		bp->b_lnext->b_lprev = bp->b_lprev;
		bp->b_lprev->b_lnext = bp->b_lnext;
		bp->b_lnext = bp->b_lprev = NULL;
	}
}

static void
lru_append(struct buf *bp)
{
	bp->b_lnext = &bc_lru;
	bp->b_lprev = bc_lru.b_lprev;
	bc_lru.b_lprev->b_lnext = bp;
	bc_lru.b_lprev = bp;
}

/* Unhash and free an unreferenced, idle buffer (bc_lock held). */
static void
buf_free(struct buf *bp)
{
	struct buf **pp;

	lru_remove(bp);
	for (pp = bc_chain(bp->b_dev, bp->b_blkno); *pp != bp;
	    pp = &(*pp)->b_hnext)
		KASSERT(*pp != NULL);
	*pp = bp->b_hnext;
	bc_bytes -= bp->b_size;
	kmem_free(bp->b_data, bp->b_size);
	kmem_free(bp, sizeof(*bp));
}

/* Write bp (referenced by us, not busy) with bc_lock dropped. */
static int
buf_writeout(struct buf *bp)
{
	int error;

	bp->b_flags |= B_BUSY;
	mutex_exit(&bc_lock);
	error = blk_rw(bp->b_dev, true, bp->b_data, bp->b_size,
	    bp->b_blkno * bp->b_size);
	mutex_enter(&bc_lock);
	bp->b_flags &= ~B_BUSY;
	if (error == 0)
		bp->b_flags &= ~B_DIRTY;
	else
		printf("blk: %s: write error %d at block %llu\n",
		    bp->b_dev->bd_name, error,
		    (unsigned long long)bp->b_blkno);
	cv_broadcast(&bc_cv);
	return error;
}

/* Make room for size more bytes: free (writing back) old buffers. */
static void
bc_reclaim(size_t size)
{
	struct buf *bp;

	while (bc_bytes + size > bc_max && (bp = bc_lru.b_lnext) != &bc_lru) {
		if (bp->b_flags & B_DIRTY) {
			lru_remove(bp);
			bp->b_refs++;
			buf_writeout(bp);
			if (--bp->b_refs > 0)
				continue;
			if (bp->b_flags & B_DIRTY) {
				/* The write failed: keep it, stop trying. */
				lru_append(bp);
				return;
			}
		}
		buf_free(bp);
	}
}

static int
bc_get(struct blkdev *bd, uint64_t blkno, size_t size, bool read,
    struct buf **bpp)
{
	struct buf *bp;
	int error = 0;

	if (size == 0 || (size & (bd->bd_secsize - 1)))
		return -EINVAL;
	mutex_enter(&bc_lock);
again:
	for (bp = *bc_chain(bd, blkno); bp != NULL; bp = bp->b_hnext)
		if (bp->b_dev == bd && bp->b_blkno == blkno)
			break;
	if (bp != NULL) {
		if (bp->b_size != size) {
			/* The same device read with two block sizes is a
			 * caller bug we refuse rather than alias. */
			mutex_exit(&bc_lock);
			return -EINVAL;
		}
		if (bp->b_refs++ == 0)
			lru_remove(bp);
		while (bp->b_flags & B_BUSY)
			cv_wait(&bc_cv, &bc_lock);
	} else {
		bc_reclaim(size);
		bp = kmem_zalloc(sizeof(*bp), KM_SLEEP);
		if (bp != NULL && (bp->b_data = kmem_alloc(size, KM_SLEEP)) ==
		    NULL) {
			kmem_free(bp, sizeof(*bp));
			bp = NULL;
		}
		if (bp == NULL) {
			mutex_exit(&bc_lock);
			return -ENOMEM;
		}
		/* bc_reclaim may have slept: someone may have made it. */
		{
			struct buf *o;
			for (o = *bc_chain(bd, blkno); o != NULL; o = o->b_hnext)
				if (o->b_dev == bd && o->b_blkno == blkno)
					break;
			if (o != NULL) {
				kmem_free(bp->b_data, size);
				kmem_free(bp, sizeof(*bp));
				goto again;
			}
		}
		bp->b_dev = bd;
		bp->b_blkno = blkno;
		bp->b_size = size;
		bp->b_refs = 1;
		bp->b_hnext = *bc_chain(bd, blkno);
		*bc_chain(bd, blkno) = bp;
		bc_bytes += size;
	}
	if (!(bp->b_flags & B_VALID)) {
		if (read) {
			bp->b_flags |= B_BUSY;
			mutex_exit(&bc_lock);
			error = blk_rw(bd, false, bp->b_data, size, blkno * size);
			mutex_enter(&bc_lock);
			bp->b_flags &= ~B_BUSY;
			cv_broadcast(&bc_cv);
		} else {
			memset(bp->b_data, 0, size);
		}
		if (error == 0)
			bp->b_flags |= B_VALID;
	} else if (!read) {
		memset(bp->b_data, 0, size);
	}
	mutex_exit(&bc_lock);
	if (error != 0) {
		brelse(bp);
		return error;
	}
	*bpp = bp;
	return 0;
}

int
bread(struct blkdev *bd, uint64_t blkno, size_t size, struct buf **bpp)
{
	return bc_get(bd, blkno, size, true, bpp);
}

/* The cached buffer of (bd, blkno), or NULL (bc_lock held). */
static struct buf *
bc_lookup(struct blkdev *bd, uint64_t blkno)
{
	struct buf *bp;

	for (bp = *bc_chain(bd, blkno); bp != NULL; bp = bp->b_hnext)
		if (bp->b_dev == bd && bp->b_blkno == blkno)
			return bp;
	return NULL;
}

bool
bincore(struct blkdev *bd, uint64_t blkno)
{
	bool yes;

	mutex_enter(&bc_lock);
	yes = bc_lookup(bd, blkno) != NULL;
	mutex_exit(&bc_lock);
	return yes;
}

/* Drop a reference (bc_lock held): brelse without the lock. */
static void
buf_rele_locked(struct buf *bp)
{
	KASSERT(bp->b_refs > 0);
	if (--bp->b_refs == 0) {
		if (bp->b_flags & B_VALID)
			lru_append(bp);
		else
			buf_free(bp);
	}
}

int
breadn(struct blkdev *bd, uint64_t blkno, size_t size, unsigned n,
    struct buf **bpp)
{
	struct buf *bps[BREADN_MAX], *bp;
	unsigned k;
	char *data;
	int error;

	if (n > BREADN_MAX)
		n = BREADN_MAX;
	if (size == 0 || (size & (bd->bd_secsize - 1)))
		return -EINVAL;
	/* Never past the device's end: blk_rw would fail the whole run. */
	while (n > 1 && (blkno + n) * size > blk_size(bd))
		n--;
	if (n <= 1 || (data = kmem_alloc(n * size, KM_SLEEP)) == NULL)
		return bread(bd, blkno, size, bpp);
	mutex_enter(&bc_lock);
	bc_reclaim(n * size);
	/* The run of blocks nobody has cached yet, starting at blkno. */
	for (k = 0; k < n; k++) {
		if (bc_lookup(bd, blkno + k) != NULL)
			break;
		bp = kmem_zalloc(sizeof(*bp), KM_SLEEP);
		if (bp != NULL && (bp->b_data = kmem_alloc(size, KM_SLEEP)) ==
		    NULL) {
			kmem_free(bp, sizeof(*bp));
			bp = NULL;
		}
		if (bp == NULL)
			break;
		bp->b_dev = bd;
		bp->b_blkno = blkno + k;
		bp->b_size = size;
		bp->b_refs = 1;
		bp->b_flags = B_BUSY;
		bp->b_hnext = *bc_chain(bd, blkno + k);
		*bc_chain(bd, blkno + k) = bp;
		bc_bytes += size;
		bps[k] = bp;
	}
	mutex_exit(&bc_lock);
	if (k == 0) {
		kmem_free(data, n * size);
		return bread(bd, blkno, size, bpp);
	}
	error = blk_rw(bd, false, data, k * size, blkno * size);
	mutex_enter(&bc_lock);
	for (unsigned i = 0; i < k; i++) {
		if (error == 0) {
			memcpy(bps[i]->b_data, data + (size_t)i * size, size);
			bps[i]->b_flags |= B_VALID;
		}
		bps[i]->b_flags &= ~B_BUSY;
	}
	cv_broadcast(&bc_cv);
	/* The read-ahead blocks stay cached, unreferenced. */
	for (unsigned i = 1; i < k; i++)
		buf_rele_locked(bps[i]);
	if (error != 0)
		buf_rele_locked(bps[0]);
	mutex_exit(&bc_lock);
	kmem_free(data, n * size);
	if (error != 0)
		return error;
	*bpp = bps[0];
	return 0;
}

int
bget_zero(struct blkdev *bd, uint64_t blkno, size_t size, struct buf **bpp)
{
	return bc_get(bd, blkno, size, false, bpp);
}

void
brelse(struct buf *bp)
{
	mutex_enter(&bc_lock);
	KASSERT(bp->b_refs > 0);
	if (--bp->b_refs == 0) {
		if (bp->b_flags & B_VALID)
			lru_append(bp);
		else
			buf_free(bp); /* a failed read keeps nothing */
	}
	mutex_exit(&bc_lock);
}

void
bdwrite(struct buf *bp)
{
	mutex_enter(&bc_lock);
	bp->b_flags |= B_DIRTY;
	mutex_exit(&bc_lock);
	brelse(bp);
}

int
bwrite(struct buf *bp)
{
	int error;

	mutex_enter(&bc_lock);
	bp->b_flags |= B_DIRTY;
	error = buf_writeout(bp);
	mutex_exit(&bc_lock);
	brelse(bp);
	return error;
}

int
bsync(struct blkdev *bd)
{
	struct buf *bp;
	int error = 0, e;
	bool found;

	mutex_enter(&bc_lock);
	do {
		found = false;
		for (int i = 0; i < BC_NHASH && !found; i++) {
			for (bp = bc_hash[i]; bp != NULL; bp = bp->b_hnext) {
				if (bp->b_dev != bd ||
				    (bp->b_flags & (B_DIRTY | B_BUSY)) != B_DIRTY)
					continue;
				if (bp->b_refs++ == 0)
					lru_remove(bp);
				e = buf_writeout(bp);
				if (--bp->b_refs == 0)
					lru_append(bp);
				if (e != 0) {
					/* Keep the data but do not loop on it:
					 * report the error once. */
					error = e;
					mutex_exit(&bc_lock);
					goto out;
				}
				found = true;
				break;
			}
		}
	} while (found);
	mutex_exit(&bc_lock);
out:
	if (bd->bd_ops->flush != NULL && !bd->bd_rdonly) {
		e = bd->bd_ops->flush(bd);
		if (error == 0)
			error = e;
	}
	return error;
}

void
binval(struct blkdev *bd)
{
	struct buf *bp, *next;

	mutex_enter(&bc_lock);
	for (int i = 0; i < BC_NHASH; i++) {
		for (bp = bc_hash[i]; bp != NULL; bp = next) {
			next = bp->b_hnext;
			if (bp->b_dev == bd && bp->b_refs == 0 &&
			    !(bp->b_flags & B_BUSY))
				buf_free(bp);
		}
	}
	mutex_exit(&bc_lock);
}

static size_t
bc_shrink(size_t want)
{
	struct buf *bp, *next;
	size_t freed = 0;

	/* Called from any allocation: only try our lock. */
	if (!mutex_tryenter(&bc_lock))
		return 0;
	for (bp = bc_lru.b_lnext; bp != &bc_lru && freed < want; bp = next) {
		next = bp->b_lnext;
		if (bp->b_flags & (B_DIRTY | B_BUSY))
			continue;
		freed += bp->b_size;
		buf_free(bp);
	}
	mutex_exit(&bc_lock);
	return freed;
}

static struct shrinker bc_shrinker = {
	.name = "bufcache",
	.shrink = bc_shrink,
};

void
bcache_init(void)
{
	mutex_init(&bc_lock, MUTEX_DEFAULT);
	cv_init(&bc_cv);
	bc_lru.b_lnext = bc_lru.b_lprev = &bc_lru;
	bc_max = BC_DEFAULT_MAX;
	if (memlimit_bytes != UINT64_MAX && memlimit_bytes / 8 < bc_max)
		bc_max = memlimit_bytes / 8;
	if (bc_max < (1 << 20))
		bc_max = 1 << 20;
	shrinker_register(&bc_shrinker);
}
