/*
 * context.c -- x86_64 thread contexts: the first frame of a new thread
 * (as switch.S will pop it) and the FS base used for thread-local
 * storage.
 */
#include "hw/arch.h"
#include "x86.h"

extern char rumphw_md_trampoline[];

#define MXCSR_DEFAULT 0x1f80 /* all exceptions masked, round to nearest */
#define FCW_DEFAULT 0x037f   /* as after FNINIT */

void rumphw_md_ctx_init(struct rumphw_md_ctx *ctx, void *stacktop, void *arg)
{
	uint64_t *sp = (uint64_t *)((uintptr_t)stacktop & ~(uintptr_t)15);

	/*
	 * 80 bytes below a 16-aligned top: after switch.S's final ret the
	 * trampoline runs with %rsp 16-aligned, as a call expects.  The two
	 * top words stay 0 (a NULL frame for backtraces).
	 */
	sp -= 10;
	sp[0] = MXCSR_DEFAULT | ((uint64_t)FCW_DEFAULT << 32);
	sp[1] = sp[2] = sp[3] = 0; /* r15, r14, r13 */
	sp[4] = (uintptr_t)arg;    /* r12 */
	sp[5] = sp[6] = 0;         /* rbx, rbp */
	sp[7] = (uintptr_t)rumphw_md_trampoline;
	sp[8] = sp[9] = 0;
	ctx->rsp = (uintptr_t)sp;
}

void rumphw_md_settls(uintptr_t tp)
{
	wrmsr(MSR_FS_BASE, tp);
}
