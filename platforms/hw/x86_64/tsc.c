/*
 * tsc.c -- the monotonic clock: the TSC, whose rate comes from the
 * hypervisor where it tells (CPUID leaf 0x40000010, then KVM's pvclock),
 * else from a 5 ms measurement against the PIT, else from CPUID leaves
 * 0x15/0x16.  Conversions use 128-bit products, never division.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "x86.h"

uint64_t rumphw_tsc_freq;
static const char *freq_source;
static uint64_t tsc0;
static uint64_t ns_mult;  /* ns per tick << 32 */

#define NSEC 1000000000ULL

/* KVM's pvclock, as the hypervisor fills it (Linux UAPI kvm_para.h). */
struct pvclock {
	uint32_t version, pad0;
	uint64_t tsc_timestamp, system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags, pad[2];
} __attribute__((__packed__, __aligned__(32)));

static uint64_t freq_from_vmware_leaf(void)
{
	struct cpuid_regs r = cpuid(0x40000000, 0);

	if (r.eax < 0x40000010)
		return 0;
	r = cpuid(0x40000010, 0);
	return (uint64_t)r.eax * 1000; /* kHz */
}

static uint64_t freq_from_kvmclock(void)
{
	static struct pvclock pv;
	struct cpuid_regs r = cpuid(0x40000000, 0);
	uint32_t version;

	if (r.ebx != 0x4b4d564b || r.ecx != 0x564b4d56 || r.edx != 0x4d)
		return 0; /* not "KVMKVMKVM\0\0\0" */
	r = cpuid(0x40000001, 0);
	if (!(r.eax & (1u << 3))) /* KVM_FEATURE_CLOCKSOURCE2 */
		return 0;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pv | 1);
	do {
		version = *(volatile uint32_t *)&pv.version;
	} while (version == 0 || (version & 1));
	uint32_t mul = pv.tsc_to_system_mul;
	int8_t shift = pv.tsc_shift;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);
	if (mul == 0)
		return 0;
	/* ns = ((ticks << shift) * mul) >> 32, so: */
	uint64_t f = (NSEC << 32) / mul;
	return shift >= 0 ? f >> shift : f << -shift;
}

/*
 * The PIT's channel 0 as a free-running down-counter at 1193182 Hz
 * (mode 2, reload 65536), read through latch commands.  Channel 2 and
 * port 0x61 are not used: QEMU's microvm has the PIT but not port 0x61.
 * Its interrupt (IRQ 0) stays masked at the 8259 and the IOAPIC.
 */
#define PIT_HZ 1193182u

static uint16_t pit_read0(void)
{
	outb(0x43, 0x00); /* latch channel 0 */
	uint8_t lo = inb(0x40);
	return (uint16_t)(lo | inb(0x40) << 8);
}

/* TSC ticks in ms milliseconds of PIT time, 0 if there is no PIT. */
static uint64_t pit_measure(unsigned ms)
{
	uint32_t target = PIT_HZ * ms / 1000, elapsed = 0;
	uint64_t t0, t1;
	uint16_t prev, cur;

	outb(0x43, 0x34); /* channel 0, lo/hi byte, mode 2, binary */
	outb(0x40, 0);
	outb(0x40, 0); /* 0 means 65536 */
	prev = pit_read0();
	t0 = rdtsc();
	for (uint32_t i = 0; elapsed < target; i++) {
		if (i > 1000000 && elapsed == 0)
			return 0; /* the counter does not move: no PIT */
		cur = pit_read0();
		elapsed += (uint16_t)(prev - cur);
		prev = cur;
	}
	t1 = rdtsc();
	return (t1 - t0) * target / elapsed;
}

static uint64_t freq_from_pit(void)
{
	uint64_t ticks = pit_measure(5);

	if (ticks < 5000) /* below 1 MHz: the PIT is not really there */
		return 0;
	return ticks * 200;
}

static uint64_t freq_from_cpuid(void)
{
	struct cpuid_regs r;

	if (rumphw_cpu_features.maxleaf >= 0x15) {
		r = cpuid(0x15, 0);
		if (r.eax && r.ebx && r.ecx)
			return (uint64_t)r.ecx * r.ebx / r.eax;
	}
	if (rumphw_cpu_features.maxleaf >= 0x16) {
		r = cpuid(0x16, 0);
		if (r.eax)
			return (uint64_t)r.eax * 1000000;
	}
	return 0;
}

void rumphw_tsc_init(void)
{
	static const struct {
		const char *name;
		uint64_t (*fn)(void);
		bool hv; /* only under a hypervisor */
	} sources[] = {
		{ "cpuid-0x40000010", freq_from_vmware_leaf, true },
		{ "kvmclock", freq_from_kvmclock, true },
		{ "pit", freq_from_pit, false },
		{ "cpuid-0x15", freq_from_cpuid, false },
	};

	for (unsigned i = 0; i < nitems(sources) && !rumphw_tsc_freq; i++) {
		if (sources[i].hv && !rumphw_cpu_features.hypervisor)
			continue;
		rumphw_tsc_freq = sources[i].fn();
		freq_source = sources[i].name;
	}
	if (rumphw_tsc_freq == 0) {
		rumphw_printf("rumphw: TSC frequency unknown, assuming 1 GHz: "
			      "time will be wrong\n");
		rumphw_tsc_freq = NSEC;
		freq_source = "guess";
	}
	ns_mult = (NSEC << 32) / rumphw_tsc_freq;
	tsc0 = rdtsc();
}

const char *rumphw_tsc_source(void)
{
	return freq_source;
}

uint64_t rumphw_tsc_to_ns(uint64_t ticks)
{
	return (uint64_t)(((unsigned __int128)ticks * ns_mult) >> 32);
}

uint64_t rumphw_md_nsec(void)
{
	return rumphw_tsc_to_ns(rdtsc() - tsc0);
}
