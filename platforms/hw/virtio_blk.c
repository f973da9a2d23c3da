/*
 * virtio_blk.c -- the block device (virtio 1.1, 5.2): one request queue;
 * a request is a device-readable header, the data, and a device-writable
 * status byte.  One request is in flight per disk at a time, completion
 * is polled (spinning briefly, then sleeping in growing steps), as in
 * virtio_rng.c.  The disks are the guest's "host files" (files.c):
 * rumpuser_open("vblkN") and rumpuser_bio reach them.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/sched.h"
#include "hw/virtio.h"

#define HW_EROFS 30 /* Linux's value, as all HW_E* */
#define VBLK_MAX 64
#define VIRTIO_BLK_F_RO (1ULL << 5)
#define VIRTIO_BLK_F_FLUSH (1ULL << 9)
#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define VIRTIO_BLK_S_OK 0
#define SPIN_NS 100000ULL
#define SLEEP_MAX_NS 1000000ULL

struct vblk_hdr {
	uint32_t type;
	uint32_t reserved;
	uint64_t sector;
};

struct vblk {
	struct rumphw_virtio_dev *vd;
	struct rumphw_virtq q;
	uint64_t sectors;           /* capacity, 512-byte sectors */
	bool rdonly, flush;
	bool busy;
	struct rumphw_tq waiters;
	struct vblk_hdr hdr;
	uint8_t status;
};

static struct vblk *vblks[VBLK_MAX];
static int nvblk;

int rumphw_virtio_blk_attach(struct rumphw_virtio_dev *vd)
{
	struct vblk *b;
	uint64_t got = 0;
	int error;

	if (nvblk == VBLK_MAX)
		return HW_ENODEV;
	if ((b = rumphw_alloc(sizeof(*b))) == NULL)
		return HW_ENOMEM;
	rumphw_memset(b, 0, sizeof(*b));
	if ((error = rumphw_virtio_negotiate(vd, VIRTIO_BLK_F_RO |
	    VIRTIO_BLK_F_FLUSH, &got)) != 0 ||
	    (error = rumphw_virtio_vq_setup(vd, 0, 16, &b->q)) != 0) {
		rumphw_free(b, sizeof(*b));
		return error;
	}
	b->vd = vd;
	b->rdonly = (got & VIRTIO_BLK_F_RO) != 0;
	b->flush = (got & VIRTIO_BLK_F_FLUSH) != 0;
	/* capacity: a 64-bit field at offset 0 of the config space. */
	b->sectors = rumphw_virtio_config_read(vd, 0, 4) |
	    (uint64_t)rumphw_virtio_config_read(vd, 4, 4) << 32;
	rumphw_tq_init(&b->waiters);
	rumphw_virtio_driver_ok(vd);
	vblks[nvblk++] = b;
	return 0;
}

int rumphw_virtio_blk_count(void)
{
	return nvblk;
}

int rumphw_virtio_blk_info(int unit, uint64_t *bytesp, bool *rdonlyp)
{
	if (unit < 0 || unit >= nvblk)
		return HW_ENXIO;
	*bytesp = vblks[unit]->sectors * 512;
	*rdonlyp = vblks[unit]->rdonly;
	return 0;
}

/* One request; the caller holds no virtual CPU (it may sleep). */
static int request(struct vblk *b, uint32_t type, void *data, uint32_t len,
    uint64_t sector)
{
	struct rumphw_vbuf v[3];
	unsigned n = 0;
	uint64_t start, step = 20000;
	uint32_t wlen;
	int error;

	while (b->busy)
		rumphw_sched_block(&b->waiters, 0);
	b->busy = true;
	b->hdr.type = type;
	b->hdr.reserved = 0;
	b->hdr.sector = sector;
	b->status = 0xff;
	v[n++] = (struct rumphw_vbuf){ &b->hdr, sizeof(b->hdr), false };
	if (len > 0)
		v[n++] = (struct rumphw_vbuf){ data, len,
		    type == VIRTIO_BLK_T_IN };
	v[n++] = (struct rumphw_vbuf){ &b->status, 1, true };
	error = rumphw_virtq_add(&b->q, v, n, b);
	if (error == 0) {
		rumphw_virtio_notify(b->vd, &b->q);
		start = rumphw_md_nsec();
		while (rumphw_virtq_get(&b->q, &wlen) == NULL) {
			uint64_t now = rumphw_md_nsec();
			if (now - start < SPIN_NS)
				continue;
			rumphw_sched_block(NULL, now + step);
			step = MIN(step * 2, SLEEP_MAX_NS);
		}
		error = b->status == VIRTIO_BLK_S_OK ? 0 : HW_EIO;
	}
	b->busy = false;
	rumphw_tq_wakeone(&b->waiters);
	return error;
}

#define VBLK_CHUNK (64 * 1024)

int rumphw_virtio_blk_rw(int unit, bool write, void *data, uint64_t len,
    uint64_t off)
{
	struct vblk *b;
	char *p = data;
	int error = 0;

	if (unit < 0 || unit >= nvblk)
		return HW_EBADF;
	b = vblks[unit];
	if ((off | len) & 511)
		return HW_EINVAL;
	if (off > b->sectors * 512 || len > b->sectors * 512 - off)
		return HW_EIO;
	if (write && b->rdonly)
		return HW_EROFS;
	while (len > 0 && error == 0) {
		uint32_t n = (uint32_t)MIN(len, (uint64_t)VBLK_CHUNK);
		error = request(b, write ? VIRTIO_BLK_T_OUT : VIRTIO_BLK_T_IN,
		    p, n, off / 512);
		p += n;
		off += n;
		len -= n;
	}
	return error;
}

int rumphw_virtio_blk_flush(int unit)
{
	if (unit < 0 || unit >= nvblk)
		return HW_EBADF;
	if (!vblks[unit]->flush)
		return 0; /* a device without FLUSH writes through */
	return request(vblks[unit], VIRTIO_BLK_T_FLUSH, NULL, 0, 0);
}
