/*
 * cpu.c -- CPU 0 set-up: feature detection, FPU/SSE/AVX state so that
 * compiled C may use vector registers, the GDT with a TSS whose IST
 * entries give every interrupt and exception a stack of its own (the
 * code we interrupt uses the red zone below its %rsp), and %gs pointing
 * to the per-CPU structure.
 */
#include "hw/lib.h"
#include "hw/sched.h"
#include "x86.h"

struct cpu_features rumphw_cpu_features;

#define CR0_MP (1UL << 1)
#define CR0_EM (1UL << 2)
#define CR0_TS (1UL << 3)
#define CR0_NE (1UL << 5)
#define CR4_OSFXSR (1UL << 9)
#define CR4_OSXMMEXCPT (1UL << 10)
#define CR4_OSXSAVE (1UL << 18)

/* XCR0 state components (Intel SDM vol. 1, 13.1). */
#define XCR0_X87 0x01
#define XCR0_SSE 0x02
#define XCR0_AVX 0x04
#define XCR0_AVX512 0xe0 /* opmask, ZMM_Hi256, Hi16_ZMM: all or none */

#define SEL_CODE 0x08
#define SEL_DATA 0x10
#define SEL_TSS 0x18

static void detect_features(void)
{
	struct cpu_features *f = &rumphw_cpu_features;
	struct cpuid_regs r;

	r = cpuid(0, 0);
	f->maxleaf = r.eax;
	r = cpuid(1, 0);
	f->xsave = (r.ecx >> 26) & 1;
	f->avx = (r.ecx >> 28) & 1;
	f->rdrand = (r.ecx >> 30) & 1;
	f->hypervisor = (r.ecx >> 31) & 1;
	r = cpuid(0x80000000, 0);
	f->maxext = r.eax;
}

/*
 * SSE needs CR0.EM clear and CR4.OSFXSR/OSXMMEXCPT set; CR0.MP is set as
 * Intel SDM vol. 3, 13.1.3 asks (it only matters together with CR0.TS,
 * which we never set: threads switch cooperatively, and the SysV ABI
 * makes all vector registers caller-saved).  With XSAVE, XCR0 enables
 * every user state component the CPU has, so AVX code runs too.
 */
static void fpu_init(void)
{
	uint32_t mxcsr = 0x1f80;

	wrcr0((rdcr0() & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
	wrcr4(rdcr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	if (rumphw_cpu_features.xsave) {
		struct cpuid_regs r = cpuid(0xd, 0);
		uint64_t xcr0 = XCR0_X87 | XCR0_SSE;

		wrcr4(rdcr4() | CR4_OSXSAVE);
		if (rumphw_cpu_features.avx && (r.eax & XCR0_AVX)) {
			xcr0 |= XCR0_AVX;
			if ((r.eax & XCR0_AVX512) == XCR0_AVX512)
				xcr0 |= XCR0_AVX512;
		}
		__asm__ volatile("xsetbv"
				 :
				 : "c"(0), "a"((uint32_t)xcr0),
				 "d"((uint32_t)(xcr0 >> 32)));
	}
	__asm__ volatile("fninit; ldmxcsr %0" : : "m"(mxcsr));
}

static void gdt_init(struct rumphw_md_cpu *md)
{
	uint64_t base = (uintptr_t)&md->tss, limit = sizeof(md->tss) - 1;
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((__packed__)) gdtr = { sizeof(md->gdt) - 1,
		(uintptr_t)md->gdt };

	md->gdt[0] = 0;
	md->gdt[1] = 0x00af9a000000ffffULL; /* 64-bit code, DPL 0 */
	md->gdt[2] = 0x00cf92000000ffffULL; /* data */
	/* 64-bit available TSS: a 16-byte descriptor (SDM vol. 3, 8.2.3). */
	md->gdt[3] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
	    (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
	    (((base >> 24) & 0xff) << 56);
	md->gdt[4] = base >> 32;

	for (int i = 0; i < MD_IST_COUNT; i++)
		md->tss.ist[i] = (uintptr_t)md->ist[i].stack + MD_IST_SIZE;
	md->tss.iomap = sizeof(md->tss); /* no I/O permission bitmap */

	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movl %2, %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 "ltr %w3"
			 :
			 : "m"(gdtr), "i"(SEL_CODE), "i"(SEL_DATA), "r"(SEL_TSS)
			 : "rax", "memory");
}

void rumphw_cpu_init(void)
{
	struct rumphw_cpu *cpu = &rumphw_cpu0;

	detect_features();
	fpu_init();
	cpu->self = cpu;
	cpu->id = 0;
	gdt_init(&cpu->md);
	wrmsr(MSR_GS_BASE, (uintptr_t)cpu);
	wrmsr(MSR_FS_BASE, 0);
}
