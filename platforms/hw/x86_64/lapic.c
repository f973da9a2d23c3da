/*
 * lapic.c -- the local APIC (xAPIC, memory-mapped): enabling, end of
 * interrupt, and the one-shot timer the idle loop sleeps on.  The timer
 * counts down at a rate measured against the TSC at boot.  (TSC-deadline
 * mode would spare that measurement under KVM, but QEMU's TCG lacks it,
 * so it could not be tested here: one tested path instead.)
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "x86.h"

#define LAPIC_ID 0x020
#define LAPIC_TPR 0x080
#define LAPIC_EOI 0x0b0
#define LAPIC_SVR 0x0f0
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_CUR 0x390
#define LAPIC_TIMER_DIV 0x3e0

#define APIC_BASE_ENABLE (1ULL << 11)
#define SVR_ENABLE 0x100
#define LVT_MASKED 0x10000
#define DIV_BY_1 0x0b

static uintptr_t lapic;
static uint64_t lapic_mult; /* timer ticks per ns, << 24 */

static uint32_t lr(unsigned reg)
{
	return mmio_read32(lapic + reg);
}

static void lw(unsigned reg, uint32_t v)
{
	mmio_write32(lapic + reg, v);
}

void rumphw_lapic_init(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	lapic = base & 0xfffff000;
	if (rumphw_acpi.lapic)
		lapic = rumphw_acpi.lapic;
	if (rumphw_pt_map_mmio(lapic, PAGE_SIZE) != 0)
		rumphw_panic("cannot map the local APIC");
	wrmsr(MSR_APIC_BASE, base | APIC_BASE_ENABLE);
	lw(LAPIC_SVR, SVR_ENABLE | VEC_SPURIOUS);
	lw(LAPIC_TPR, 0);
	lw(LAPIC_LVT_LINT0, LVT_MASKED); /* the 8259s are not used */
	lw(LAPIC_LVT_TIMER, LVT_MASKED | VEC_TIMER);
	lw(LAPIC_TIMER_DIV, DIV_BY_1);
	/* The timer interrupt needs no handler: it only ends the idle hlt. */
}

void rumphw_lapic_eoi(void)
{
	lw(LAPIC_EOI, 0);
}

uint32_t rumphw_lapic_id(void)
{
	return lr(LAPIC_ID) >> 24;
}

/* Timer ticks per TSC-measured ~2 ms (needs the TSC rate). */
void rumphw_lapic_timer_calibrate(void)
{
	uint64_t t0, t1, wait = rumphw_tsc_freq / 500;
	uint32_t left;

	lw(LAPIC_LVT_TIMER, LVT_MASKED | VEC_TIMER);
	lw(LAPIC_TIMER_INIT, 0xffffffff);
	t0 = rdtsc();
	while ((t1 = rdtsc()) - t0 < wait)
		;
	left = lr(LAPIC_TIMER_CUR);
	lw(LAPIC_TIMER_INIT, 0);
	uint64_t ticks = 0xffffffffULL - left;
	uint64_t ns = rumphw_tsc_to_ns(t1 - t0);
	if (ticks == 0 || ns == 0)
		rumphw_panic("the local APIC timer does not count");
	lapic_mult = (ticks << 24) / ns;
	lw(LAPIC_LVT_TIMER, VEC_TIMER);
}

void rumphw_md_timer_set(uint64_t deadline)
{
	if (deadline == 0) {
		lw(LAPIC_TIMER_INIT, 0);
		return;
	}
	uint64_t now = rumphw_md_nsec(), delta = deadline > now ? deadline - now : 0;
	uint64_t ticks = (uint64_t)(((unsigned __int128)delta * lapic_mult) >> 24);
	if (ticks == 0)
		ticks = 1;
	if (ticks > 0xffffffffULL)
		ticks = 0xffffffffULL; /* wakes early; the idle loop re-arms */
	lw(LAPIC_TIMER_INIT, (uint32_t)ticks);
}
