/*
 * blk_host.c -- a host file as a block device: transfers go through
 * rumpuser_bio (the file is opened with RUMPUSER_OPEN_BIO), flushes
 * through rumpuser_syncfd.  Used for etfs block nodes (hosted) and for
 * the hw platform's virtio-blk disks, which it offers as host files.
 */
#include "blk_int.h"
#include <rumpuser.h>

#define HOST_SECSIZE 512

struct blkhost {
	struct blkdev bh_dev;
	int bh_fd;
};

static void
host_done(void *arg, uint64_t dlen, int error)
{
	struct bio *bio = arg;

	/* Host worker thread, no virtual CPU: take one to complete. */
	rump_schedule();
	if (error == 0 && dlen != bio->bio_len)
		error = EIO;
	biodone(bio, -error);
	rump_unschedule();
}

static void
host_strategy(struct blkdev *bd, struct bio *bio)
{
	struct blkhost *bh = bd->bd_priv;
	int op = bio->bio_write ? RUMPUSER_BIO_WRITE : RUMPUSER_BIO_READ;

	/* rumpuser_bio may complete inline after giving up our CPU. */
	rumpuser_bio(bh->bh_fd, op, bio->bio_data, bio->bio_len,
	    (int64_t)bio->bio_off, host_done, bio);
}

static int
host_flush(struct blkdev *bd)
{
	struct blkhost *bh = bd->bd_priv;

	if (bd->bd_rdonly)
		return 0;
	return -rumpuser_syncfd(bh->bh_fd,
	    RUMPUSER_SYNCFD_WRITE | RUMPUSER_SYNCFD_SYNC, 0, 0);
}

static void
host_close(struct blkdev *bd)
{
	struct blkhost *bh = bd->bd_priv;

	rumpuser_close(bh->bh_fd);
	kmem_free(bh, sizeof(*bh));
}

static const struct blkdev_ops host_ops = {
	.strategy = host_strategy,
	.flush = host_flush,
	.close = host_close,
};

int
blkdev_host_open(const char *name, const char *hostpath, bool rdonly,
    struct blkdev **bdp)
{
	struct blkhost *bh;
	uint64_t size;
	int error, mode;

	error = -rumpuser_getfileinfo(hostpath, &size, NULL);
	if (error != 0)
		return error;
	bh = kmem_zalloc(sizeof(*bh), KM_SLEEP);
	if (bh == NULL)
		return -ENOMEM;
	mode = RUMPUSER_OPEN_BIO |
	    (rdonly ? RUMPUSER_OPEN_RDONLY : RUMPUSER_OPEN_RDWR);
	error = -rumpuser_open(hostpath, mode, &bh->bh_fd);
	if (error != 0) {
		kmem_free(bh, sizeof(*bh));
		return error;
	}
	strlcpy(bh->bh_dev.bd_name, name, sizeof(bh->bh_dev.bd_name));
	bh->bh_dev.bd_secsize = HOST_SECSIZE;
	bh->bh_dev.bd_nsectors = size / HOST_SECSIZE;
	bh->bh_dev.bd_rdonly = rdonly;
	bh->bh_dev.bd_ops = &host_ops;
	bh->bh_dev.bd_priv = bh;
	bh->bh_dev.bd_refs = 1;
	*bdp = &bh->bh_dev;
	return 0;
}
