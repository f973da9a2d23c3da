/*
 * pci.c -- PCI enumeration and the generic parts of PCI: configuration
 * space through the architecture's accessors, BARs, capabilities, and
 * the driver table every found device is offered to.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "hw/pci.h"
#include "hw/virtio.h"

#define PCI_VENDOR 0x00
#define PCI_DEVICE 0x02
#define PCI_COMMAND 0x04
#define PCI_STATUS 0x06
#define PCI_CLASS 0x08 /* revision, prog-if, subclass, class */
#define PCI_HEADER 0x0e
#define PCI_BAR0 0x10
#define PCI_SECONDARY_BUS 0x19
#define PCI_SUBVENDOR 0x2c
#define PCI_SUBDEVICE 0x2e
#define PCI_CAPS 0x34

#define CMD_IO 0x1
#define CMD_MEM 0x2
#define CMD_MASTER 0x4
#define STATUS_CAPS 0x10

int rumphw_virtio_pci_attach(const struct rumphw_pci_dev *d);

static const struct rumphw_pci_driver drivers[] = {
	/* Transitional (0x1000-0x103f) and modern (0x1040-0x107f) virtio. */
	{ "virtio", 0x1af4, 0x1000, 0x107f, rumphw_virtio_pci_attach },
};

uint32_t rumphw_pci_read(const struct rumphw_pci_dev *d, unsigned off,
    int width)
{
	return rumphw_md_pci_read(d->bus, d->dev, d->fn, off, width);
}

void rumphw_pci_write(const struct rumphw_pci_dev *d, unsigned off,
    int width, uint32_t v)
{
	rumphw_md_pci_write(d->bus, d->dev, d->fn, off, width, v);
}

uint32_t rumphw_region_read(const struct rumphw_region *r, uint64_t off,
    int width)
{
	uintptr_t a = r->addr + off;

	if (r->io)
		return rumphw_md_io_read(a, width);
	switch (width) {
	case 1:
		return *(volatile uint8_t *)a;
	case 2:
		return *(volatile uint16_t *)a;
	default:
		return *(volatile uint32_t *)a;
	}
}

void rumphw_region_write(const struct rumphw_region *r, uint64_t off,
    int width, uint32_t v)
{
	uintptr_t a = r->addr + off;

	if (r->io) {
		rumphw_md_io_write(a, width, v);
		return;
	}
	switch (width) {
	case 1:
		*(volatile uint8_t *)a = (uint8_t)v;
		break;
	case 2:
		*(volatile uint16_t *)a = (uint16_t)v;
		break;
	default:
		*(volatile uint32_t *)a = v;
		break;
	}
}

int rumphw_pci_bar(const struct rumphw_pci_dev *d, unsigned bar,
    struct rumphw_region *r)
{
	uint32_t v;

	if (bar > 5)
		return HW_EINVAL;
	v = rumphw_pci_read(d, PCI_BAR0 + 4 * bar, 4);
	if (v & 1) {
		r->io = true;
		r->addr = v & ~3u;
		return r->addr ? 0 : HW_ENOENT;
	}
	r->io = false;
	r->addr = v & ~0xfu;
	if (((v >> 1) & 3) == 2) { /* 64-bit BAR */
		if (bar == 5)
			return HW_EINVAL;
		r->addr |= (uint64_t)rumphw_pci_read(d, PCI_BAR0 + 4 * bar + 4, 4)
		    << 32;
	}
	if (r->addr == 0)
		return HW_ENOENT;
	/* Map generously: BAR sizes are small, a 2 MiB page covers them. */
	return rumphw_md_map_mmio(r->addr, PAGE_SIZE);
}

void rumphw_pci_enable(const struct rumphw_pci_dev *d)
{
	uint16_t cmd = (uint16_t)rumphw_pci_read(d, PCI_COMMAND, 2);

	rumphw_pci_write(d, PCI_COMMAND, 2, cmd | CMD_IO | CMD_MEM | CMD_MASTER);
}

unsigned rumphw_pci_cap_next(const struct rumphw_pci_dev *d, unsigned prev,
    uint8_t id)
{
	unsigned off;
	int guard = 48; /* capability lists are short; never loop forever */

	if (prev == 0) {
		if (!(rumphw_pci_read(d, PCI_STATUS, 2) & STATUS_CAPS))
			return 0;
		off = rumphw_pci_read(d, PCI_CAPS, 1);
	} else {
		off = rumphw_pci_read(d, prev + 1, 1);
	}
	for (; off >= 0x40 && guard--; off = rumphw_pci_read(d, off + 1, 1)) {
		off &= ~3u;
		if (rumphw_pci_read(d, off, 1) == id)
			return off;
	}
	return 0;
}

static void attach(const struct rumphw_pci_dev *d)
{
	for (unsigned i = 0; i < nitems(drivers); i++) {
		const struct rumphw_pci_driver *drv = &drivers[i];
		if (d->vendor != drv->vendor || d->device < drv->dev_lo ||
		    d->device > drv->dev_hi)
			continue;
		int error = drv->attach(d);
		if (error)
			rumphw_printf("rumphw: pci %02x:%02x.%x %04x:%04x: %s "
				      "driver failed (error %d)\n",
			    d->bus, d->dev, d->fn, d->vendor, d->device,
			    drv->name, error);
		return;
	}
}

static void scan_bus(unsigned bus, int depth);

static void scan_fn(unsigned bus, unsigned dev, unsigned fn, int depth)
{
	struct rumphw_pci_dev d = { .bus = (uint8_t)bus, .dev = (uint8_t)dev,
		.fn = (uint8_t)fn };
	uint32_t class;

	d.vendor = (uint16_t)rumphw_pci_read(&d, PCI_VENDOR, 2);
	if (d.vendor == 0xffff)
		return;
	d.device = (uint16_t)rumphw_pci_read(&d, PCI_DEVICE, 2);
	class = rumphw_pci_read(&d, PCI_CLASS, 4);
	d.class = class >> 24;
	d.subclass = (class >> 16) & 0xff;
	d.progif = (class >> 8) & 0xff;
	d.subvendor = (uint16_t)rumphw_pci_read(&d, PCI_SUBVENDOR, 2);
	d.subdevice = (uint16_t)rumphw_pci_read(&d, PCI_SUBDEVICE, 2);
	if (d.class == 0x06 && d.subclass == 0x04) { /* PCI-PCI bridge */
		unsigned sec = rumphw_pci_read(&d, PCI_SECONDARY_BUS, 1);
		if (sec > bus)
			scan_bus(sec, depth + 1);
		return;
	}
	attach(&d);
}

static void scan_bus(unsigned bus, int depth)
{
	if (depth > 8)
		return;
	for (unsigned dev = 0; dev < 32; dev++) {
		struct rumphw_pci_dev d = { .bus = (uint8_t)bus,
			.dev = (uint8_t)dev };
		if (rumphw_pci_read(&d, PCI_VENDOR, 2) == 0xffff)
			continue;
		bool multi = rumphw_pci_read(&d, PCI_HEADER, 1) & 0x80;
		for (unsigned fn = 0; fn < (multi ? 8u : 1u); fn++)
			scan_fn(bus, dev, fn, depth);
	}
}

void rumphw_pci_probe(void)
{
	scan_bus(0, 0);
}
