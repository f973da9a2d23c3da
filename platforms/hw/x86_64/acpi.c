/*
 * acpi.c -- the few ACPI tables the platform reads (ACPI 6.x spec, ch. 5):
 * MADT for the interrupt controllers and ISA interrupt overrides, MCFG
 * for PCI ECAM, FADT for powering off.  No AML: where a value lives in
 * the DSDT (the S5 sleep type), QEMU's is used (exit.c).
 */
#include "hw/lib.h"
#include "x86.h"

struct acpi_info rumphw_acpi;

struct sdt_header {
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oemid[6], oemtable[8];
	uint32_t oemrev, creator, creatorrev;
} __attribute__((__packed__));

struct rsdp {
	char sig[8];
	uint8_t checksum;
	char oemid[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length; /* revision >= 2 */
	uint64_t xsdt;
	uint8_t xchecksum, reserved[3];
} __attribute__((__packed__));

static uint8_t sum(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint8_t s = 0;

	while (n--)
		s += *b++;
	return s;
}

static const struct rsdp *find_rsdp(void)
{
	uintptr_t p = rumphw_bootinfo.rsdp;

	if (p && rumphw_memcmp((void *)p, "RSD PTR ", 8) == 0)
		return (const void *)p;
	/* The first KiB of the EBDA (its segment is at 0x40e), then the
	 * BIOS read-only area (ACPI spec 5.2.5.1).  Page 0 is still mapped. */
	uintptr_t bda = 0x40e;
	__asm__("" : "+r"(bda)); /* a real address, whatever the compiler thinks */
	uintptr_t ebda = (uintptr_t)*(volatile uint16_t *)bda << 4;
	if (ebda >= 0x80000 && ebda < 0xa0000)
		for (p = ebda; p < ebda + 1024; p += 16)
			if (rumphw_memcmp((void *)p, "RSD PTR ", 8) == 0 &&
			    sum((void *)p, 20) == 0)
				return (const void *)p;
	for (p = 0xe0000; p < 0x100000; p += 16)
		if (rumphw_memcmp((void *)p, "RSD PTR ", 8) == 0 &&
		    sum((void *)p, 20) == 0)
			return (const void *)p;
	return NULL;
}

static const struct sdt_header *map_table(uint64_t pa)
{
	const struct sdt_header *h = (const void *)(uintptr_t)pa;

	if (pa == 0 || rumphw_pt_map_mmio(pa, sizeof(*h)) != 0)
		return NULL;
	if (h->length < sizeof(*h) || rumphw_pt_map_mmio(pa, h->length) != 0)
		return NULL;
	if (sum(h, h->length) != 0) {
		rumphw_printf("rumphw: ACPI table %c%c%c%c has a bad "
			      "checksum, ignored\n",
		    h->sig[0], h->sig[1], h->sig[2], h->sig[3]);
		return NULL;
	}
	return h;
}

static void parse_madt(const struct sdt_header *h)
{
	const uint8_t *p = (const uint8_t *)h + 44, *end = (const uint8_t *)h + h->length;

	rumphw_acpi.lapic = *(const uint32_t *)((const uint8_t *)h + 36);
	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		switch (p[0]) {
		case 1: /* I/O APIC: the first one serves the ISA IRQs */
			if (rumphw_acpi.ioapic == 0) {
				rumphw_acpi.ioapic = *(const uint32_t *)(p + 4);
				rumphw_acpi.ioapic_gsibase =
				    *(const uint32_t *)(p + 8);
			}
			break;
		case 2: /* interrupt source override */
			if (p[2] == 0 && p[3] < 16) {
				rumphw_acpi.isa_gsi[p[3]] =
				    *(const uint32_t *)(p + 4);
				rumphw_acpi.isa_flags[p[3]] =
				    *(const uint16_t *)(p + 8);
			}
			break;
		case 5: /* local APIC address override */
			rumphw_acpi.lapic = *(const uint64_t *)(p + 4);
			break;
		}
		p += p[1];
	}
}

static void parse_mcfg(const struct sdt_header *h)
{
	const uint8_t *p = (const uint8_t *)h + 44, *end = (const uint8_t *)h + h->length;

	for (; p + 16 <= end; p += 16) {
		if (*(const uint16_t *)(p + 8) != 0)
			continue; /* only PCI segment 0 */
		rumphw_acpi.ecam = *(const uint64_t *)p;
		rumphw_acpi.ecam_bus_start = p[10];
		rumphw_acpi.ecam_bus_end = p[11];
		break;
	}
}

static void parse_fadt(const struct sdt_header *h)
{
	const uint8_t *b = (const uint8_t *)h;

	if (h->length >= 68)
		rumphw_acpi.pm1a_cnt = *(const uint32_t *)(b + 64);
	/* SLEEP_CONTROL_REG, a generic address at 244 (ACPI 5+). */
	if (h->length >= 256) {
		rumphw_acpi.sleep_ctl_space = b[244];
		rumphw_acpi.sleep_ctl = *(const uint64_t *)(b + 248);
	}
}

static void parse_table(uint64_t pa)
{
	const struct sdt_header *h = map_table(pa);

	if (h == NULL)
		return;
	if (rumphw_memcmp(h->sig, "APIC", 4) == 0)
		parse_madt(h);
	else if (rumphw_memcmp(h->sig, "MCFG", 4) == 0)
		parse_mcfg(h);
	else if (rumphw_memcmp(h->sig, "FACP", 4) == 0)
		parse_fadt(h);
}

void rumphw_acpi_init(void)
{
	const struct rsdp *rsdp = find_rsdp();
	const struct sdt_header *sdt;
	size_t esize;

	for (unsigned i = 0; i < 16; i++)
		rumphw_acpi.isa_gsi[i] = i;
	if (rsdp == NULL)
		return;
	if (rsdp->revision >= 2 && rsdp->xsdt) {
		sdt = map_table(rsdp->xsdt);
		esize = 8;
	} else {
		sdt = map_table(rsdp->rsdt);
		esize = 4;
	}
	if (sdt == NULL)
		return;
	rumphw_acpi.found = true;
	const uint8_t *e = (const uint8_t *)(sdt + 1);
	size_t n = (sdt->length - sizeof(*sdt)) / esize;
	for (size_t i = 0; i < n; i++, e += esize)
		parse_table(esize == 8 ? *(const uint64_t *)e :
					 *(const uint32_t *)e);
}
