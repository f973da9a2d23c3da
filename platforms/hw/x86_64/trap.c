/*
 * trap.c -- what happens on an interrupt or exception.  Device
 * interrupts call their handler and acknowledge the LAPIC; every CPU
 * exception is fatal: it is reported on the console (name, vector, error
 * code, registers, CR2, a frame-pointer backtrace) and the guest exits
 * with the panic status.
 */
#include "hw/lib.h"
#include "hw/sched.h"
#include "x86.h"

static intr_handler_t handlers[256];

static const char *const exc_names[32] = {
	[0] = "#DE divide error",
	[1] = "#DB debug",
	[2] = "NMI",
	[3] = "#BP breakpoint",
	[4] = "#OF overflow",
	[5] = "#BR bound range exceeded",
	[6] = "#UD invalid opcode",
	[7] = "#NM device not available",
	[8] = "#DF double fault",
	[9] = "coprocessor segment overrun",
	[10] = "#TS invalid TSS",
	[11] = "#NP segment not present",
	[12] = "#SS stack-segment fault",
	[13] = "#GP general protection",
	[14] = "#PF page fault",
	[16] = "#MF x87 floating-point error",
	[17] = "#AC alignment check",
	[18] = "#MC machine check",
	[19] = "#XM SIMD floating-point exception",
	[20] = "#VE virtualization exception",
	[21] = "#CP control protection",
	[28] = "#HV hypervisor injection",
	[29] = "#VC VMM communication",
	[30] = "#SX security exception",
};

void rumphw_intr_establish(unsigned vector, intr_handler_t fn)
{
	handlers[vector & 0xff] = fn;
}

/*
 * Walk saved frame pointers from rbp, checking each before reading;
 * runs of one return address (deep recursion) are shown once.
 */
static void backtrace_from(uint64_t rbp)
{
	uint64_t last = 0, repeats = 0;
	int shown = 1;

	for (int i = 1; i < 4096 && rbp && shown < 32; i++) {
		uint64_t *fp = (uint64_t *)rbp;

		if ((rbp & 7) || !rumphw_pt_is_mapped(rbp) ||
		    !rumphw_pt_is_mapped(rbp + 15) || fp[1] == 0)
			break;
		if (fp[1] == last) {
			repeats++;
		} else {
			if (repeats)
				rumphw_printf("      (the same %lu more times)\n",
				    repeats);
			repeats = 0;
			rumphw_printf("  #%-2d %p\n", i, (void *)fp[1]);
			shown++;
		}
		last = fp[1];
		if (fp[0] <= rbp)
			break; /* frames go up the stack, never down */
		rbp = fp[0];
	}
	if (repeats)
		rumphw_printf("      (the same %lu more times)\n", repeats);
}

void rumphw_md_backtrace(void)
{
	uint64_t rbp = (uintptr_t)__builtin_frame_address(0);

	rumphw_printf("backtrace (frame pointers; addr2line -e IMAGE):\n");
	backtrace_from(rbp);
}

static void report_pf(struct trapframe *tf, uint64_t cr2)
{
	struct rumphw_thread *t = rumphw_curthread();

	rumphw_printf("page fault: %s of %s address %p%s\n",
	    (tf->error & 0x10) ? "instruction fetch" :
	    (tf->error & 2)    ? "write" :
				 "read",
	    (tf->error & 1) ? "protected" : "unmapped", (void *)cr2,
	    cr2 < PAGE_SIZE ? " (NULL pointer dereference)" : "");
	if (t && t->stackbase && cr2 >= (uintptr_t)t->stackbase &&
	    cr2 < (uintptr_t)t->stackbase + PAGE_SIZE)
		rumphw_printf("page fault: guard page: stack overflow of "
			      "thread \"%s\"\n",
		    t->name);
}

static void fatal(struct trapframe *tf)
{
	struct rumphw_cpu *cpu = rumphw_curcpu();
	struct rumphw_thread *t = cpu ? cpu->curthread : NULL;
	unsigned vec = (unsigned)tf->vector;
	uint64_t cr2 = rdcr2();

	if (cpu->md.in_trap++) {
		/* An exception while reporting one: keep it short. */
		rumphw_printf("\nrumphw: exception %u (rip %p) while reporting "
			      "an exception\n",
		    vec, (void *)tf->rip);
		rumphw_md_exit(RUMPUSER_PANIC);
	}
	rumphw_printf("\nrumphw: fatal exception %s (vector %u), error code "
		      "0x%lx, cpu %u, thread \"%s\"\n",
	    exc_names[vec] ? exc_names[vec] : "(reserved)", vec, tf->error,
	    cpu->id, t ? t->name : "?");
	if (vec == 14)
		report_pf(tf, cr2);
	rumphw_printf("rip %016lx  cs %04lx  rflags %016lx\n", tf->rip,
	    tf->cs, tf->rflags);
	rumphw_printf("rsp %016lx  ss %04lx\n", tf->rsp, tf->ss);
	rumphw_printf("rax %016lx  rbx %016lx  rcx %016lx  rdx %016lx\n",
	    tf->rax, tf->rbx, tf->rcx, tf->rdx);
	rumphw_printf("rsi %016lx  rdi %016lx  rbp %016lx\n", tf->rsi,
	    tf->rdi, tf->rbp);
	rumphw_printf("r8  %016lx  r9  %016lx  r10 %016lx  r11 %016lx\n",
	    tf->r8, tf->r9, tf->r10, tf->r11);
	rumphw_printf("r12 %016lx  r13 %016lx  r14 %016lx  r15 %016lx\n",
	    tf->r12, tf->r13, tf->r14, tf->r15);
	rumphw_printf("cr0 %016lx  cr2 %016lx  cr3 %016lx  cr4 %016lx\n",
	    rdcr0(), cr2, rdcr3(), rdcr4());
	rumphw_printf("fsbase %016lx  gsbase %016lx\n", rdmsr(MSR_FS_BASE),
	    rdmsr(MSR_GS_BASE));
	rumphw_printf("backtrace (frame pointers; addr2line -e IMAGE):\n");
	rumphw_printf("  #0  %p\n", (void *)tf->rip);
	backtrace_from(tf->rbp);
	rumphw_sched_dump();
	rumphw_printf("rumphw: panic: fatal exception\n");
	rumphw_md_exit(RUMPUSER_PANIC);
}

void rumphw_trap(struct trapframe *tf);
void rumphw_trap(struct trapframe *tf)
{
	unsigned vec = (unsigned)tf->vector;

	if (vec < 32)
		fatal(tf);
	if (vec == VEC_SPURIOUS)
		return; /* no EOI for LAPIC spurious interrupts */
	if (vec >= VEC_PIC_BASE && vec < VEC_PIC_BASE + 16)
		return; /* the 8259s are masked: only spurious IRQ 7/15 */
	if (handlers[vec])
		handlers[vec]();
	rumphw_lapic_eoi();
}
