/*
 * ioapic.c -- the I/O APIC that serves the ISA interrupts (82093AA data
 * sheet): all pins masked at start, single pins routed to a vector on
 * CPU 0 as the ACPI MADT's overrides say.
 */
#include "hw/lib.h"
#include "x86.h"

#define IOAPIC_DEFAULT 0xfec00000 /* where PCs and QEMU put it */
#define IOREGSEL 0x00
#define IOWIN 0x10
#define IOAPIC_VER 0x01
#define IOAPIC_REDTBL(n) (0x10 + 2 * (n))

#define RTE_MASKED (1u << 16)
#define RTE_LEVEL (1u << 15)
#define RTE_ACTIVE_LOW (1u << 13)

/* MPS INTI flags of a MADT override (ACPI spec 5.2.12.5). */
#define INTI_POLARITY(f) ((f) & 3)
#define INTI_TRIGGER(f) (((f) >> 2) & 3)

static uintptr_t ioapic;
static unsigned npins;

static uint32_t ior(unsigned reg)
{
	mmio_write32(ioapic + IOREGSEL, reg);
	return mmio_read32(ioapic + IOWIN);
}

static void iow(unsigned reg, uint32_t v)
{
	mmio_write32(ioapic + IOREGSEL, reg);
	mmio_write32(ioapic + IOWIN, v);
}

void rumphw_ioapic_init(void)
{
	uint64_t pa = rumphw_acpi.ioapic ? rumphw_acpi.ioapic : IOAPIC_DEFAULT;

	if (rumphw_pt_map_mmio(pa, PAGE_SIZE) != 0)
		return;
	ioapic = pa;
	uint32_t ver = ior(IOAPIC_VER);
	if (ver == 0xffffffff) {
		ioapic = 0; /* nothing there */
		return;
	}
	npins = ((ver >> 16) & 0xff) + 1;
	for (unsigned i = 0; i < npins; i++) {
		iow(IOAPIC_REDTBL(i), RTE_MASKED);
		iow(IOAPIC_REDTBL(i) + 1, 0);
	}
}

int rumphw_ioapic_route_isa(unsigned irq, unsigned vector)
{
	uint32_t pin, rte = vector;
	uint16_t flags;

	if (ioapic == 0 || irq >= 16)
		return HW_ENODEV;
	pin = rumphw_acpi.isa_gsi[irq] - rumphw_acpi.ioapic_gsibase;
	if (pin >= npins)
		return HW_ENODEV;
	/* ISA defaults: edge-triggered, active high. */
	flags = rumphw_acpi.isa_flags[irq];
	if (INTI_POLARITY(flags) == 3)
		rte |= RTE_ACTIVE_LOW;
	if (INTI_TRIGGER(flags) == 3)
		rte |= RTE_LEVEL;
	iow(IOAPIC_REDTBL(pin) + 1, rumphw_lapic_id() << 24);
	iow(IOAPIC_REDTBL(pin), rte);
	return 0;
}
