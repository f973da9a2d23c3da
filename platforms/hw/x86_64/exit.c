/*
 * exit.c -- ending the guest.  With QEMU's isa-debug-exit device at port
 * 0xf4, writing v makes QEMU exit with status (v << 1) | 1; the encoding
 * of a program's status in v is in docs/platform-hw.md and decoded by
 * qemu-status.sh.  Without that device: ACPI power-off, then reset.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "x86.h"

#define DEBUG_EXIT_PORT 0xf4
#define EXIT_HIGHEST 124     /* statuses 0..124 pass exactly */
#define EXIT_V_HIGH 126      /* status 125..255: "125 or more" */
#define EXIT_V_PANIC 127     /* QEMU exits 255 */

#define PM1_SLP_EN (1u << 13)
#define PM1_SLP_TYP_SHIFT 10
#define QEMU_S5_TYP 0      /* QEMU's \_S5 for PIIX4 and ICH9 */
#define GED_SLP_EN 0x20    /* HW-reduced sleep control register */
#define GED_S5_TYP 5       /* QEMU's \_S5 with its generic event device */
#define PIIX4_PM1A_CNT 0x604 /* QEMU pc, if ACPI tables were not found */

void rumphw_md_exit(int value)
{
	uint32_t v;

	__asm__ volatile("cli");
	if (value == RUMPUSER_PANIC) {
		rumphw_printf("rumphw: exit with the panic status\n");
		v = EXIT_V_PANIC;
	} else if (value >= 0 && value <= EXIT_HIGHEST) {
		v = (uint32_t)value + 1;
	} else {
		rumphw_printf("rumphw: exit status %d (reported to the host as "
			      "125, \"125 or more\")\n",
		    value);
		v = EXIT_V_HIGH;
	}
	outl(DEBUG_EXIT_PORT, v);
	/* Still here: no exit device.  Tell a human, then power off. */
	rumphw_printf("rumphw: exit status %d; no isa-debug-exit device at "
		      "0x%x, powering off\n",
	    value, DEBUG_EXIT_PORT);
	rumphw_poweroff();
}

void rumphw_poweroff(void)
{
	const struct acpi_info *a = &rumphw_acpi;

	__asm__ volatile("cli");
	if (a->pm1a_cnt)
		outw(a->pm1a_cnt, QEMU_S5_TYP << PM1_SLP_TYP_SHIFT | PM1_SLP_EN);
	if (a->sleep_ctl && a->sleep_ctl_space == 1)
		outb(a->sleep_ctl, GED_S5_TYP << 2 | GED_SLP_EN);
	else if (a->sleep_ctl && a->sleep_ctl_space == 0 &&
	    rumphw_pt_map_mmio(a->sleep_ctl, 1) == 0)
		*(volatile uint8_t *)(uintptr_t)a->sleep_ctl =
		    GED_S5_TYP << 2 | GED_SLP_EN;
	if (!a->found)
		outw(PIIX4_PM1A_CNT, QEMU_S5_TYP << PM1_SLP_TYP_SHIFT | PM1_SLP_EN);
	/* Last resort: reset through the keyboard controller. */
	outb(0x64, 0xfe);
	for (;;)
		__asm__ volatile("hlt");
}
