/*
 * virtio_pci.c -- the virtio PCI transport (virtio 1.1, 4.1): the modern
 * interface through vendor capabilities where the device has it, else
 * the legacy I/O-port interface (4.1.4.8).  Also the PCI driver entry
 * that hands virtio devices to the driver for their type.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/param.h"
#include "hw/virtio.h"

#define PCI_CAP_VENDOR 0x09

/* virtio_pci_cap cfg_type */
#define CAP_COMMON 1
#define CAP_NOTIFY 2
#define CAP_ISR 3
#define CAP_DEVICE 4

/* Common configuration (4.1.4.3). */
#define C_DFSELECT 0x00
#define C_DF 0x04
#define C_GFSELECT 0x08
#define C_GF 0x0c
#define C_NUMQ 0x12
#define C_STATUS 0x14
#define C_Q_SELECT 0x16
#define C_Q_SIZE 0x18
#define C_Q_ENABLE 0x1c
#define C_Q_NOFF 0x1e
#define C_Q_DESC 0x20
#define C_Q_DRIVER 0x28
#define C_Q_DEVICE 0x30

/* Legacy registers (4.1.4.8), without MSI-X. */
#define L_HOSTF 0x00
#define L_GUESTF 0x04
#define L_Q_PFN 0x08
#define L_Q_SIZE 0x0c
#define L_Q_SELECT 0x0e
#define L_Q_NOTIFY 0x10
#define L_STATUS 0x12
#define L_ISR 0x13
#define L_CONFIG 0x14

#define S_ACK 1
#define S_DRIVER 2
#define S_DRIVER_OK 4
#define S_FEATURES_OK 8
#define S_FAILED 0x80

/* NULL unless something else pulled virtio_net.o into the image. */
#pragma weak rumphw_virtio_net_attach

static const struct {
	uint16_t type;
	int (*attach)(struct rumphw_virtio_dev *vd);
} vdrivers[] = {
	{ VIRTIO_ID_RNG, rumphw_virtio_rng_attach },
	{ VIRTIO_ID_BLOCK, rumphw_virtio_blk_attach },
	{ VIRTIO_ID_NET, rumphw_virtio_net_attach }, /* weak: may be NULL */
};

static void wr64(const struct rumphw_region *r, unsigned off, uint64_t v)
{
	rumphw_region_write(r, off, 4, (uint32_t)v);
	rumphw_region_write(r, off + 4, 4, (uint32_t)(v >> 32));
}

static uint8_t status(struct rumphw_virtio_dev *vd)
{
	return vd->modern ? (uint8_t)rumphw_region_read(&vd->common, C_STATUS, 1) :
			    (uint8_t)rumphw_region_read(&vd->legacy, L_STATUS, 1);
}

static void set_status(struct rumphw_virtio_dev *vd, uint8_t s)
{
	if (vd->modern)
		rumphw_region_write(&vd->common, C_STATUS, 1, s);
	else
		rumphw_region_write(&vd->legacy, L_STATUS, 1, s);
}

/* Find the modern capabilities; false if the device has none. */
static bool find_modern(struct rumphw_virtio_dev *vd)
{
	const struct rumphw_pci_dev *d = &vd->pci;
	unsigned found = 0;

	for (unsigned off = rumphw_pci_cap_next(d, 0, PCI_CAP_VENDOR); off;
	     off = rumphw_pci_cap_next(d, off, PCI_CAP_VENDOR)) {
		uint8_t type = (uint8_t)rumphw_pci_read(d, off + 3, 1);
		uint8_t bar = (uint8_t)rumphw_pci_read(d, off + 4, 1);
		uint32_t offset = rumphw_pci_read(d, off + 8, 4);
		struct rumphw_region *r, base;

		switch (type) {
		case CAP_COMMON:
			r = &vd->common;
			break;
		case CAP_NOTIFY:
			r = &vd->notify;
			vd->notify_mult = rumphw_pci_read(d, off + 16, 4);
			break;
		case CAP_ISR:
			r = &vd->isr;
			break;
		case CAP_DEVICE:
			r = &vd->device;
			break;
		default:
			continue;
		}
		if (found & (1u << type))
			continue; /* the first of each type is preferred */
		if (rumphw_pci_bar(d, bar, &base) != 0)
			continue;
		if (!base.io && rumphw_md_map_mmio(base.addr + offset, PAGE_SIZE))
			continue;
		r->addr = base.addr + offset;
		r->io = base.io;
		found |= 1u << type;
	}
	return (found & (1u << CAP_COMMON)) && (found & (1u << CAP_NOTIFY));
}

int rumphw_virtio_init(struct rumphw_virtio_dev *vd)
{
	rumphw_pci_enable(&vd->pci);
	if (find_modern(vd)) {
		vd->modern = true;
	} else if (rumphw_pci_bar(&vd->pci, 0, &vd->legacy) == 0 &&
	    vd->legacy.io) {
		vd->modern = false;
		vd->device = vd->legacy;
		vd->device.addr += L_CONFIG;
	} else {
		return HW_ENODEV;
	}
	set_status(vd, 0); /* reset; a modern device reads 0 when done */
	for (int i = 0; vd->modern && status(vd) != 0; i++)
		if (i > 1000000)
			return HW_EIO;
	set_status(vd, S_ACK);
	set_status(vd, S_ACK | S_DRIVER);
	return 0;
}

int rumphw_virtio_negotiate(struct rumphw_virtio_dev *vd, uint64_t want,
    uint64_t *got)
{
	uint64_t have;

	if (vd->modern) {
		rumphw_region_write(&vd->common, C_DFSELECT, 4, 0);
		have = rumphw_region_read(&vd->common, C_DF, 4);
		rumphw_region_write(&vd->common, C_DFSELECT, 4, 1);
		have |= (uint64_t)rumphw_region_read(&vd->common, C_DF, 4) << 32;
		want = (want | VIRTIO_F_VERSION_1) & have;
		if (!(want & VIRTIO_F_VERSION_1))
			return HW_EIO;
		rumphw_region_write(&vd->common, C_GFSELECT, 4, 0);
		rumphw_region_write(&vd->common, C_GF, 4, (uint32_t)want);
		rumphw_region_write(&vd->common, C_GFSELECT, 4, 1);
		rumphw_region_write(&vd->common, C_GF, 4, (uint32_t)(want >> 32));
		set_status(vd, S_ACK | S_DRIVER | S_FEATURES_OK);
		if (!(status(vd) & S_FEATURES_OK))
			return HW_EIO;
	} else {
		have = rumphw_region_read(&vd->legacy, L_HOSTF, 4);
		want &= have & 0xffffffffu;
		rumphw_region_write(&vd->legacy, L_GUESTF, 4, (uint32_t)want);
	}
	if (got)
		*got = want;
	return 0;
}

int rumphw_virtio_vq_setup(struct rumphw_virtio_dev *vd, unsigned index,
    uint16_t maxsize, struct rumphw_virtq *vq)
{
	uint16_t size;
	void *mem;
	int error;

	if (vd->modern) {
		rumphw_region_write(&vd->common, C_Q_SELECT, 2, index);
		size = (uint16_t)rumphw_region_read(&vd->common, C_Q_SIZE, 2);
	} else {
		rumphw_region_write(&vd->legacy, L_Q_SELECT, 2, index);
		size = (uint16_t)rumphw_region_read(&vd->legacy, L_Q_SIZE, 2);
	}
	if (size == 0)
		return HW_ENOENT;
	/* Modern devices take any power of two up to theirs; legacy: theirs. */
	if (vd->modern)
		while (size > maxsize && size > 1)
			size /= 2;
	uint64_t pages = ROUNDUP(rumphw_virtq_bytes(size), PAGE_SIZE) >> PAGE_SHIFT;
	if ((mem = rumphw_page_alloc(pages, 1)) == NULL)
		return HW_ENOMEM;
	rumphw_memset(mem, 0, pages << PAGE_SHIFT);
	if ((error = rumphw_virtq_init(vq, index, size, mem)) != 0) {
		rumphw_page_free(mem, pages);
		return error;
	}
	vq->mempages = pages;
	if (vd->modern) {
		rumphw_region_write(&vd->common, C_Q_SIZE, 2, size);
		wr64(&vd->common, C_Q_DESC, (uintptr_t)vq->desc);
		wr64(&vd->common, C_Q_DRIVER, (uintptr_t)vq->avail);
		wr64(&vd->common, C_Q_DEVICE, (uintptr_t)vq->used);
		vq->notify = (uint64_t)rumphw_region_read(&vd->common, C_Q_NOFF, 2) *
		    vd->notify_mult;
		rumphw_region_write(&vd->common, C_Q_ENABLE, 2, 1);
	} else {
		rumphw_region_write(&vd->legacy, L_Q_PFN, 4,
		    (uint32_t)((uintptr_t)mem >> PAGE_SHIFT));
	}
	return 0;
}

void rumphw_virtio_driver_ok(struct rumphw_virtio_dev *vd)
{
	set_status(vd, status(vd) | S_DRIVER_OK);
}

void rumphw_virtio_fail(struct rumphw_virtio_dev *vd)
{
	set_status(vd, status(vd) | S_FAILED);
}

void rumphw_virtio_notify(struct rumphw_virtio_dev *vd, struct rumphw_virtq *vq)
{
	__asm__ volatile("" ::: "memory"); /* x86 orders stores; see virtq.c */
	if (vd->modern)
		rumphw_region_write(&vd->notify, vq->notify, 2, vq->index);
	else
		rumphw_region_write(&vd->legacy, L_Q_NOTIFY, 2, vq->index);
}

uint8_t rumphw_virtio_isr(struct rumphw_virtio_dev *vd)
{
	if (vd->modern)
		return vd->isr.addr ? (uint8_t)rumphw_region_read(&vd->isr, 0, 1) : 0;
	return (uint8_t)rumphw_region_read(&vd->legacy, L_ISR, 1);
}

uint32_t rumphw_virtio_config_read(struct rumphw_virtio_dev *vd, unsigned off,
    int width)
{
	return rumphw_region_read(&vd->device, off, width);
}

/*
 * Every virtio device on a routed line reads its ISR when the line
 * fires, whether its driver uses interrupts or not: reading deasserts
 * the level-triggered line, which would otherwise stay up.
 */
static void virtio_intr(void *arg)
{
	struct rumphw_virtio_dev *vd = arg;

	if ((rumphw_virtio_isr(vd) & VIRTIO_ISR_QUEUE) && vd->intr != NULL)
		vd->intr(vd->intr_arg);
}

int rumphw_virtio_pci_attach(const struct rumphw_pci_dev *d);
int rumphw_virtio_pci_attach(const struct rumphw_pci_dev *d)
{
	struct rumphw_virtio_dev *vd;
	uint16_t type;
	int error;

	/* Modern ids are 0x1040 + type; transitional ones carry the type
	 * in the subsystem id (4.1.2.1). */
	type = d->device >= 0x1040 ? d->device - 0x1040 : d->subdevice;
	for (unsigned i = 0; i < nitems(vdrivers); i++) {
		if (vdrivers[i].type != type || vdrivers[i].attach == NULL)
			continue;
		if ((vd = rumphw_alloc(sizeof(*vd))) == NULL)
			return HW_ENOMEM;
		rumphw_memset(vd, 0, sizeof(*vd));
		vd->pci = *d;
		vd->type = type;
		if ((error = rumphw_virtio_init(vd)) != 0 ||
		    (error = vdrivers[i].attach(vd)) != 0) {
			if (error != HW_ENODEV)
				rumphw_virtio_fail(vd);
			rumphw_free(vd, sizeof(*vd));
			return error;
		}
		/* After the attach (a handler is never removed); drivers look
		 * at has_intr when they start the device. */
		vd->has_intr = (!vd->modern || vd->isr.addr != 0) &&
		    rumphw_md_pci_intr_establish(&vd->pci, virtio_intr, vd) == 0;
		if (rumphw_param_flag("RUMPHW_VERBOSE"))
			rumphw_printf("rumphw: pci %02x:%02x.%x: virtio type %u, "
				      "%s transport, %s\n",
			    d->bus, d->dev, d->fn, type,
			    vd->modern ? "modern" : "legacy",
			    vd->has_intr ? "interrupts" : "polled");
		return 0;
	}
	return 0; /* a virtio device we have no driver for: leave it alone */
}
