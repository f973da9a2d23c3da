/*
 * start.c -- x86_64 boot in C: called by boot.S in long mode on the boot
 * stack, sets the machine up in dependency order and hands over to the
 * generic platform (rumphw_main).  Also the idle instruction sequence.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "hw/main.h"
#include "hw/mem.h"
#include "hw/param.h"
#include "hw/sched.h"
#include "x86.h"

extern char rumphw_image_start[], rumphw_end[];

#define LOW_MAPPED (4ULL << 30)

struct range {
	uint64_t start, end;
};

/* Add [start, end) to the page allocator minus the reserved ranges. */
static void add_ram(uint64_t start, uint64_t end, const struct range *rsv,
    unsigned nrsv)
{
	for (unsigned i = 0; i < nrsv && start < end; i++) {
		if (rsv[i].end <= start || rsv[i].start >= end)
			continue;
		if (rsv[i].start > start)
			rumphw_page_add(start, rsv[i].start);
		start = MAX(start, rsv[i].end);
	}
	if (start < end)
		rumphw_page_add(start, end);
}

/* Room for the page metadata: after the image if possible. */
static uint64_t place_meta(uint64_t size, uint64_t image_end)
{
	const struct bootinfo *bi = &rumphw_bootinfo;

	for (unsigned i = 0; i < bi->nmem; i++) {
		uint64_t s = MAX(bi->mem[i].start, image_end);
		if (s + size <= bi->mem[i].end && s + size <= LOW_MAPPED)
			return s;
	}
	for (unsigned i = 0; i < bi->nmem; i++) {
		uint64_t s = MAX(bi->mem[i].start, PAGE_SIZE);
		if (s + size <= bi->mem[i].end && s + size <= LOW_MAPPED &&
		    (s + size <= (uintptr_t)rumphw_image_start || s >= image_end))
			return s;
	}
	rumphw_panic("no room for %lu bytes of page metadata", size);
}

static void mem_init(void)
{
	const struct bootinfo *bi = &rumphw_bootinfo;
	uint64_t image_end = ROUNDUP((uintptr_t)rumphw_end, PAGE_SIZE);
	uint64_t maxaddr = 0, metasize, meta;

	for (unsigned i = 0; i < bi->nmem; i++)
		maxaddr = MAX(maxaddr, bi->mem[i].end);
	metasize = rumphw_page_metasize(maxaddr);
	meta = place_meta(metasize, image_end);
	rumphw_memset((void *)meta, 0, metasize);
	rumphw_page_init(maxaddr, (void *)meta);

	/* Sorted by address; page 0 stays unmapped (NULL). */
	struct range rsv[3] = {
		{ 0, PAGE_SIZE },
		{ (uintptr_t)rumphw_image_start, image_end },
		{ meta, meta + metasize },
	};
	if (meta < image_end) {
		struct range t = rsv[1];
		rsv[1] = rsv[2];
		rsv[2] = t;
	}
	for (unsigned i = 0; i < bi->nmem; i++)
		add_ram(bi->mem[i].start, MIN(bi->mem[i].end, LOW_MAPPED), rsv, 3);
	/* RAM above 4 GiB: page tables first (from the RAM below). */
	for (unsigned i = 0; i < bi->nmem; i++) {
		uint64_t s = MAX(bi->mem[i].start, LOW_MAPPED), e = bi->mem[i].end;
		if (s >= e)
			continue;
		if (rumphw_pt_map_ram(s, e) != 0) {
			rumphw_printf("rumphw: no memory for page tables of RAM "
				      "0x%lx-0x%lx, left unused\n",
			    s, e);
			continue;
		}
		rumphw_page_add(s, e);
	}
	/* Guard pages below the interrupt stacks. */
	for (int i = 0; i < MD_IST_COUNT; i++)
		rumphw_md_page_unmap((uintptr_t)rumphw_cpu0.md.ist[i].guard);
}

static void banner(void)
{
	const struct bootinfo *bi = &rumphw_bootinfo;

	rumphw_printf("rumphw: x86_64, booted via %s, cmdline \"%s\"\n",
	    bi->proto, bi->cmdline);
	for (unsigned i = 0; i < bi->nmem; i++)
		rumphw_printf("rumphw: RAM 0x%lx-0x%lx\n", bi->mem[i].start,
		    bi->mem[i].end);
	rumphw_printf("rumphw: %lu KiB usable, image 0x%lx-0x%lx\n",
	    rumphw_page_total() * (PAGE_SIZE / 1024),
	    (uint64_t)(uintptr_t)rumphw_image_start,
	    (uint64_t)(uintptr_t)rumphw_end);
	rumphw_printf("rumphw: TSC %lu kHz (%s), LAPIC timer, ACPI %s, "
		      "PCI config %s, console input %s\n",
	    rumphw_tsc_freq / 1000, rumphw_tsc_source(),
	    rumphw_acpi.found ? "yes" : "no",
	    rumphw_acpi.ecam ? "ecam" : "ports",
	    rumphw_md_console_has_intr() ? "irq" : "polled");
}

void rumphw_boot(uint32_t magic, uint32_t info);
void rumphw_boot(uint32_t magic, uint32_t info)
{
	rumphw_serial_init();
	rumphw_cpu_init();
	rumphw_idt_init();
	rumphw_sched_init();
	rumphw_bootinfo_parse(magic, info);
	rumphw_param_init(rumphw_bootinfo.cmdline);
	rumphw_acpi_init();
	/* Loaders may leave their data in page 0 (QEMU's PVH option ROM
	 * does), so NULL becomes a fault only now that it has been read. */
	rumphw_md_page_unmap(0);
	rumphw_pt_init();
	mem_init();
	rumphw_i8259_disable();
	rumphw_lapic_init();
	rumphw_ioapic_init();
	rumphw_tsc_init();
	rumphw_lapic_timer_calibrate();
	rumphw_rtc_init();
	rumphw_pci_conf_init();
	rumphw_serial_enable_rx_intr();
	if (rumphw_param_flag("RUMPHW_VERBOSE"))
		banner();
	rumphw_main();
}

void rumphw_md_idle(void)
{
	/* sti's one-instruction shadow makes "sti; hlt" race-free. */
	__asm__ volatile("sti; hlt; cli" ::: "memory");
}
