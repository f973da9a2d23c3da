/*
 * hw/pci.h -- PCI devices as the hw platform sees them: enumeration at
 * boot, configuration space, BARs and capabilities, and the table of
 * drivers that enumeration offers devices to.
 */
#ifndef HW_PCI_H
#define HW_PCI_H

#include "hw/types.h"

struct rumphw_pci_dev {
	uint8_t bus, dev, fn;
	uint16_t vendor, device, subvendor, subdevice;
	uint8_t class, subclass, progif;
};

/* A device register window: a BAR's address in memory or I/O space. */
struct rumphw_region {
	uint64_t addr;
	bool io;
};

uint32_t rumphw_region_read(const struct rumphw_region *r, uint64_t off,
    int width);
void rumphw_region_write(const struct rumphw_region *r, uint64_t off,
    int width, uint32_t v);

uint32_t rumphw_pci_read(const struct rumphw_pci_dev *d, unsigned off,
    int width);
void rumphw_pci_write(const struct rumphw_pci_dev *d, unsigned off,
    int width, uint32_t v);

/*
 * rumphw_pci_bar: BAR number bar as a region (memory BARs are mapped
 * uncached).  0, ENOENT if the BAR is unassigned, or EINVAL.
 */
int rumphw_pci_bar(const struct rumphw_pci_dev *d, unsigned bar,
    struct rumphw_region *r);
/* rumphw_pci_enable: turn on memory/I/O decoding and bus mastering. */
void rumphw_pci_enable(const struct rumphw_pci_dev *d);
/*
 * rumphw_pci_cap_next: config offset of the next capability with id
 * after offset prev (0: from the start), or 0 if none.
 */
unsigned rumphw_pci_cap_next(const struct rumphw_pci_dev *d, unsigned prev,
    uint8_t id);

/*
 * A driver: attach is offered every device whose vendor matches and
 * whose device id lies in [dev_lo, dev_hi]; it returns 0 if it took the
 * device, or an errno (then the device stays unused, with a message).
 */
struct rumphw_pci_driver {
	const char *name;
	uint16_t vendor, dev_lo, dev_hi;
	int (*attach)(const struct rumphw_pci_dev *d);
};

/* rumphw_pci_probe: enumerate all buses and attach drivers. */
void rumphw_pci_probe(void);

#endif /* HW_PCI_H */
