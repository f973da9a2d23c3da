/*
 * hw/md.h -- the x86_64 ("machine-dependent") types and inline functions
 * the generic hw code uses: saved thread context, the per-CPU part of the
 * CPU structure, and how to find the current CPU (%gs:0).
 */
#ifndef HW_MD_H
#define HW_MD_H

#include "hw/types.h"

/* A switched-out thread: everything else is on its stack (switch.S). */
struct rumphw_md_ctx {
	uint64_t rsp;
};

/* Stack sizes of the interrupt stack table (IST) entries. */
#define MD_IST_SIZE (16 * 1024)
#define MD_IST_COUNT 5 /* 1 interrupts, 2 exceptions, 3 #DF, 4 NMI, 5 #MC */

struct md_tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap;
} __attribute__((__packed__));

/*
 * Per-CPU x86_64 state.  Each IST stack is preceded by a guard page
 * that is unmapped once the page tables allow it (cpu.c).
 */
struct rumphw_md_cpu {
	uint64_t gdt[8] __attribute__((__aligned__(16)));
	struct md_tss tss __attribute__((__aligned__(16)));
	int in_trap; /* nesting depth of the fatal exception path */
	struct {
		char guard[PAGE_SIZE];
		char stack[MD_IST_SIZE];
	} ist[MD_IST_COUNT] __attribute__((__aligned__(PAGE_SIZE)));
};

struct rumphw_cpu;

/* rumphw_curcpu: the CPU we run on; %gs:0 points to its structure. */
static inline struct rumphw_cpu *rumphw_curcpu(void)
{
	struct rumphw_cpu *c;
	__asm__ volatile("movq %%gs:0, %0" : "=r"(c));
	return c;
}

#endif /* HW_MD_H */
