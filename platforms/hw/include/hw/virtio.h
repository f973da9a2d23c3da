/*
 * hw/virtio.h -- virtio devices (virtio 1.1 spec): the PCI transport,
 * modern or legacy (virtio_pci.c), split virtqueues (virtq.c), and the
 * drivers built on them.  The transport hides which flavour a device
 * speaks, so a driver is written once.
 */
#ifndef HW_VIRTIO_H
#define HW_VIRTIO_H

#include "hw/pci.h"
#include "hw/types.h"

#define VIRTIO_ID_NET 1
#define VIRTIO_ID_BLOCK 2
#define VIRTIO_ID_RNG 4

#define VIRTIO_F_VERSION_1 (1ULL << 32)

/* Split virtqueue layout (virtio 1.1, 2.6). */
struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};
#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2

struct virtq_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];
};

struct virtq_used_elem {
	uint32_t id;
	uint32_t len;
};

struct virtq_used {
	uint16_t flags;
	uint16_t idx;
	struct virtq_used_elem ring[];
};

struct rumphw_virtq {
	unsigned index;
	uint16_t size;
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	volatile struct virtq_used *used;
	void *mem;          /* the rings, one allocation */
	uint64_t mempages;
	uint16_t free_head, nfree, last_used;
	void **cookie;      /* per descriptor chain head */
	uint64_t notify;    /* offset in the notify region */
};

struct rumphw_virtio_dev {
	struct rumphw_pci_dev pci;
	bool modern;
	struct rumphw_region common, notify, isr, device; /* modern */
	uint32_t notify_mult;
	struct rumphw_region legacy;                      /* legacy */
	uint16_t type;                                    /* VIRTIO_ID_* */
	/* Interrupts: has_intr if the line is routed; then intr(intr_arg)
	 * runs on a queue interrupt (drivers without it poll). */
	bool has_intr;
	void (*intr)(void *);
	void *intr_arg;
};

/* A buffer of a request: device-readable (out) or device-writable. */
struct rumphw_vbuf {
	void *addr;
	uint32_t len;
	bool write; /* the device writes it */
};

/* virtio_pci.c */
/* Reset the device and say hello (ACKNOWLEDGE | DRIVER). */
int rumphw_virtio_init(struct rumphw_virtio_dev *vd);
/*
 * Offer the features in want that the device has (VERSION_1 is added
 * for modern devices) and check the device accepts them; 0 or EIO.
 */
int rumphw_virtio_negotiate(struct rumphw_virtio_dev *vd, uint64_t want,
    uint64_t *got);
/* Allocate queue index with at most maxsize entries and give it to the
 * device; 0, ENOENT (no such queue) or ENOMEM. */
int rumphw_virtio_vq_setup(struct rumphw_virtio_dev *vd, unsigned index,
    uint16_t maxsize, struct rumphw_virtq *vq);
void rumphw_virtio_driver_ok(struct rumphw_virtio_dev *vd);
void rumphw_virtio_fail(struct rumphw_virtio_dev *vd);
void rumphw_virtio_notify(struct rumphw_virtio_dev *vd, struct rumphw_virtq *vq);
uint32_t rumphw_virtio_config_read(struct rumphw_virtio_dev *vd, unsigned off,
    int width);
/* Read (and so clear, deasserting INTx) the ISR status: bit 0 a queue
 * was used, bit 1 the configuration changed; 0 without an ISR region. */
#define VIRTIO_ISR_QUEUE 1
uint8_t rumphw_virtio_isr(struct rumphw_virtio_dev *vd);

/* virtq.c */
/* Ring bytes for a queue of size entries (legacy layout, 4 KiB align). */
uint64_t rumphw_virtq_bytes(uint16_t size);
/* Initialise vq's rings in mem (zeroed, rumphw_virtq_bytes long). */
int rumphw_virtq_init(struct rumphw_virtq *vq, unsigned index, uint16_t size,
    void *mem);
/*
 * Queue one request of n buffers (device-readable ones first) with a
 * cookie returned by rumphw_virtq_get; 0 or ENOSPC (no free descriptors).
 * The caller notifies the device.
 */
int rumphw_virtq_add(struct rumphw_virtq *vq, const struct rumphw_vbuf *b,
    unsigned n, void *cookie);
/* The cookie of the next completed request (*lenp bytes written by the
 * device), or NULL if none has completed. */
void *rumphw_virtq_get(struct rumphw_virtq *vq, uint32_t *lenp);

/* virtio_rng.c */
int rumphw_virtio_rng_attach(struct rumphw_virtio_dev *vd);
bool rumphw_virtio_rng_present(void);
/* Read up to len random bytes; with nowait, give up after a short spin.
 * Returns the number of bytes read.  May block (without the CPU). */
uint64_t rumphw_virtio_rng_read(void *buf, uint64_t len, bool nowait);

/* virtio_blk.c: disks, numbered in the order they were found. */
int rumphw_virtio_blk_attach(struct rumphw_virtio_dev *vd);
int rumphw_virtio_blk_count(void);
/* Size in bytes and read-only flag of disk unit; 0 or ENXIO. */
int rumphw_virtio_blk_info(int unit, uint64_t *bytesp, bool *rdonlyp);
/* Transfer len bytes at byte off (512-aligned).  Blocks: call without
 * the virtual CPU.  0, EIO (device error or past the end), EROFS. */
int rumphw_virtio_blk_rw(int unit, bool write, void *data, uint64_t len,
    uint64_t off);
/* Make completed writes stable (VIRTIO_BLK_T_FLUSH).  Blocks. */
int rumphw_virtio_blk_flush(int unit);

/*
 * virtio_net.c: network devices, the back ends "vioifN" of
 * <rumpcomp_netif.h>.  virtio_pci.c refers to it weakly: the driver is
 * linked only into images whose kernel opens network back ends.
 */
int rumphw_virtio_net_attach(struct rumphw_virtio_dev *vd);

#endif /* HW_VIRTIO_H */
