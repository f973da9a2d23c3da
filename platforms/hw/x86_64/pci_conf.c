/*
 * pci_conf.c -- PCI configuration space: ECAM (memory-mapped, from the
 * ACPI MCFG table) where the machine has it, else configuration
 * mechanism #1 through ports 0xcf8/0xcfc (the first 256 bytes only).
 * Also the port I/O accessors of hw/arch.h.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "x86.h"

#define PCI_CONF_ADDR 0xcf8
#define PCI_CONF_DATA 0xcfc

static uintptr_t ecam;

void rumphw_pci_conf_init(void)
{
	const struct acpi_info *a = &rumphw_acpi;

	if (a->ecam == 0 || a->ecam_bus_start != 0)
		return;
	uint64_t len = ((uint64_t)a->ecam_bus_end + 1) << 20;
	if (rumphw_pt_map_mmio(a->ecam, len) == 0)
		ecam = a->ecam;
}

static bool use_ecam(unsigned bus)
{
	return ecam && bus <= rumphw_acpi.ecam_bus_end;
}

uint32_t rumphw_md_pci_read(unsigned bus, unsigned dev, unsigned fn,
    unsigned off, int width)
{
	if (use_ecam(bus)) {
		uintptr_t a = ecam + ((uintptr_t)bus << 20 | dev << 15 |
					 fn << 12 | off);
		switch (width) {
		case 1:
			return *(volatile uint8_t *)a;
		case 2:
			return *(volatile uint16_t *)a;
		default:
			return *(volatile uint32_t *)a;
		}
	}
	if (off >= 256)
		return 0xffffffff;
	outl(PCI_CONF_ADDR,
	    0x80000000u | bus << 16 | dev << 11 | fn << 8 | (off & 0xfc));
	return rumphw_md_io_read(PCI_CONF_DATA + (off & 3), width);
}

void rumphw_md_pci_write(unsigned bus, unsigned dev, unsigned fn,
    unsigned off, int width, uint32_t v)
{
	if (use_ecam(bus)) {
		uintptr_t a = ecam + ((uintptr_t)bus << 20 | dev << 15 |
					 fn << 12 | off);
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
		return;
	}
	if (off >= 256)
		return;
	outl(PCI_CONF_ADDR,
	    0x80000000u | bus << 16 | dev << 11 | fn << 8 | (off & 0xfc));
	rumphw_md_io_write(PCI_CONF_DATA + (off & 3), width, v);
}

uint32_t rumphw_md_io_read(uint64_t port, int width)
{
	switch (width) {
	case 1:
		return inb((uint16_t)port);
	case 2:
		return inw((uint16_t)port);
	default:
		return inl((uint16_t)port);
	}
}

void rumphw_md_io_write(uint64_t port, int width, uint32_t v)
{
	switch (width) {
	case 1:
		outb((uint16_t)port, (uint8_t)v);
		break;
	case 2:
		outw((uint16_t)port, (uint16_t)v);
		break;
	default:
		outl((uint16_t)port, v);
		break;
	}
}
