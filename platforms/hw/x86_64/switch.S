/*
 * switch.S -- cooperative thread switch.  Saves what the SysV ABI makes
 * callee-saved (%rbx, %rbp, %r12-%r15, the MXCSR control bits and the
 * x87 control word) on the old stack, and resumes the new one.  The TLS
 * base (FS) is switched by the caller (sched.c).
 *
 * Stack of a switched-out thread, from its saved %rsp:
 *   0: MXCSR (4 bytes), x87 control word (2 bytes), pad
 *   8: %r15  16: %r14  24: %r13  32: %r12  40: %rbx  48: %rbp  56: return
 */
	.text

/* void rumphw_md_switch(struct rumphw_md_ctx *from, struct rumphw_md_ctx *to) */
	.globl rumphw_md_switch
	.type rumphw_md_switch, @function
rumphw_md_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)
	movq	(%rsi), %rsp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size rumphw_md_switch, . - rumphw_md_switch

/* First switch to a new thread: %r12 holds its argument (context.c). */
	.globl rumphw_md_trampoline
	.type rumphw_md_trampoline, @function
rumphw_md_trampoline:
	movq	%r12, %rdi
	xorl	%ebp, %ebp			/* ends backtraces */
	call	rumphw_thread_start
	ud2
	.size rumphw_md_trampoline, . - rumphw_md_trampoline

	.section .note.GNU-stack, "", @progbits
