/*
 * x86.h -- x86_64 instructions the hw platform needs (port I/O, MSRs,
 * CPUID, control registers) as inline functions, and the internal
 * interfaces between the x86_64 files, grouped by the file defining them.
 */
#ifndef HW_X86_H
#define HW_X86_H

#include "hw/types.h"

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint16_t inw(uint16_t port)
{
	uint16_t v;
	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint32_t inl(uint16_t port)
{
	uint32_t v;
	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr"
			 :
			 : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32))
			 : "memory");
}

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};
static inline struct cpuid_regs cpuid(uint32_t leaf, uint32_t sub)
{
	struct cpuid_regs r;
	__asm__ volatile("cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(sub));
	return r;
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#define DEFINE_CR(n)                                                       \
	static inline uint64_t rdcr##n(void)                               \
	{                                                                  \
		uint64_t v;                                                \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));          \
		return v;                                                  \
	}                                                                  \
	static inline void wrcr##n(uint64_t v)                             \
	{                                                                  \
		__asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory"); \
	}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void invlpg(uintptr_t va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static inline uint32_t mmio_read32(uintptr_t a)
{
	return *(volatile uint32_t *)a;
}
static inline void mmio_write32(uintptr_t a, uint32_t v)
{
	*(volatile uint32_t *)a = v;
}

#define MSR_APIC_BASE 0x0000001b
#define MSR_EFER 0xc0000080
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KVM_SYSTEM_TIME_NEW 0x4b564d01

/* Interrupt vectors.  0-31 are the CPU's exceptions. */
#define VEC_PIC_BASE 0x20    /* the 8259s, remapped and masked */
#define VEC_TIMER 0x30       /* LAPIC timer */
#define VEC_SERIAL 0x31      /* COM1 through the IOAPIC */
#define VEC_PCI 0x32         /* PCI INTx lines (pci_intr.c) */
#define VEC_SPURIOUS 0xff    /* LAPIC spurious (must end in 0xf) */

/* cpu.c */
struct cpu_features {
	bool rdrand, xsave, avx;
	bool hypervisor;
	uint32_t maxleaf, maxext;
};
extern struct cpu_features rumphw_cpu_features;
void rumphw_cpu_init(void);

/* bootinfo.c */
#define BOOTINFO_MAXMEM 64
struct bootinfo_mem {
	uint64_t start, end; /* usable RAM [start, end) */
};
struct bootinfo {
	const char *proto; /* "multiboot" or "pvh" */
	char *cmdline;
	struct bootinfo_mem mem[BOOTINFO_MAXMEM];
	unsigned nmem;
	uint64_t rsdp; /* PVH's ACPI RSDP, 0 if not given */
};
extern struct bootinfo rumphw_bootinfo;
void rumphw_bootinfo_parse(uint32_t magic, uint32_t info);

/* pagetable.c */
void rumphw_pt_init(void);
/* rumphw_pt_map_ram: identity-map [start, end) write-back (above 4 GiB). */
int rumphw_pt_map_ram(uint64_t start, uint64_t end);
/* rumphw_pt_map_mmio: identity-map [pa, pa+len) uncached; 0 or ENOMEM. */
int rumphw_pt_map_mmio(uint64_t pa, uint64_t len);
/* rumphw_pt_is_mapped: whether va is mapped (for safe backtraces). */
bool rumphw_pt_is_mapped(uintptr_t va);

/* trap.c / idt.c */
struct trapframe {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};
void rumphw_idt_init(void);
typedef void (*intr_handler_t)(void);
void rumphw_intr_establish(unsigned vector, intr_handler_t fn);

/* serial.c */
void rumphw_serial_init(void);
void rumphw_serial_enable_rx_intr(void);

/* acpi.c */
struct acpi_info {
	uint64_t lapic;
	uint64_t ioapic;
	uint32_t ioapic_gsibase;
	uint32_t isa_gsi[16];      /* ISA IRQ -> GSI */
	uint16_t isa_flags[16];    /* MPS INTI flags of the override */
	uint64_t ecam;             /* MCFG segment 0, 0 if none */
	uint8_t ecam_bus_start, ecam_bus_end;
	uint32_t pm1a_cnt;         /* FADT PM1a control port, 0 if none */
	uint64_t sleep_ctl;        /* FADT sleep control register (HW reduced) */
	uint8_t sleep_ctl_space;   /* its GAS address space id */
	bool found;
};
extern struct acpi_info rumphw_acpi;
void rumphw_acpi_init(void);

/* i8259.c */
void rumphw_i8259_disable(void);

/* lapic.c */
void rumphw_lapic_init(void);
void rumphw_lapic_eoi(void);
uint32_t rumphw_lapic_id(void);
void rumphw_lapic_timer_calibrate(void);

/* ioapic.c */
void rumphw_ioapic_init(void);
/* rumphw_ioapic_route_isa: deliver ISA irq as vector to this CPU. */
int rumphw_ioapic_route_isa(unsigned irq, unsigned vector);

/* tsc.c */
extern uint64_t rumphw_tsc_freq;
void rumphw_tsc_init(void);
/* rumphw_tsc_to_ns: a TSC tick count in ns. */
uint64_t rumphw_tsc_to_ns(uint64_t ticks);
/* rumphw_tsc_source: where the TSC rate came from, for the boot log. */
const char *rumphw_tsc_source(void);

/* rtc.c: read the CMOS clock once (the wall-clock base). */
void rumphw_rtc_init(void);

/* exit.c */
void rumphw_poweroff(void) __attribute__((__noreturn__));

/* pci_conf.c */
void rumphw_pci_conf_init(void);

#endif /* HW_X86_H */
