/*
 * pci_intr.c -- PCI device interrupts (INTx) on x86_64: the interrupt
 * line the firmware wrote into configuration space is an ISA IRQ number
 * that the I/O APIC delivers (QEMU's MADT says level-triggered for the
 * PCI lines).  Lines are shared, so every handler of a line runs and
 * checks its own device; all lines use one vector.
 */
#include "hw/arch.h"
#include "hw/pci.h"
#include "x86.h"

#define PCI_INTR_LINE 0x3c
#define PCI_INTR_PIN 0x3d
#define MAXHANDLERS 32

static struct {
	void (*fn)(void *);
	void *arg;
} handlers[MAXHANDLERS];
static unsigned nhandlers;
static uint16_t routed; /* lines given to the I/O APIC, a bit each */

static void pci_intr(void)
{
	for (unsigned i = 0; i < nhandlers; i++)
		handlers[i].fn(handlers[i].arg);
}

int rumphw_md_pci_intr_establish(const struct rumphw_pci_dev *d,
    void (*fn)(void *), void *arg)
{
	unsigned line = rumphw_pci_read(d, PCI_INTR_LINE, 1);
	unsigned pin = rumphw_pci_read(d, PCI_INTR_PIN, 1);

	/* No pin, or a line the firmware left unassigned (0xff). */
	if (pin == 0 || line >= 16 || nhandlers == MAXHANDLERS)
		return HW_ENODEV;
	if (!(routed & (1u << line))) {
		if (nhandlers == 0)
			rumphw_intr_establish(VEC_PCI, pci_intr);
		if (rumphw_ioapic_route_isa(line, VEC_PCI) != 0)
			return HW_ENODEV;
		routed |= (uint16_t)(1u << line);
	}
	handlers[nhandlers].fn = fn;
	handlers[nhandlers].arg = arg;
	nhandlers++;
	return 0;
}
