/*
 * vectors.S -- entry stubs of all 256 interrupt vectors (16 bytes each, so
 * idt.c can compute their addresses) and the common path that saves the
 * general registers into a struct trapframe (x86.h) and calls
 * rumphw_trap.  Handlers are compiled -mgeneral-regs-only, so vector
 * state needs no saving here.
 */
	.text
	.p2align 4
	.globl rumphw_trap_stubs
rumphw_trap_stubs:
	.set vec, 0
	.rept 256
	.p2align 4
	/* Vectors with a CPU-pushed error code; the others push 0. */
	.if (vec == 8) || (vec == 10) || (vec == 11) || (vec == 12) || (vec == 13) || (vec == 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
	.else
	pushq	$0
	.endif
	pushq	$vec
	jmp	trap_common
	.set vec, vec + 1
	.endr

trap_common:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	movq	%rsp, %rdi
	call	rumphw_trap
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rbp
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rbx
	popq	%rax
	addq	$16, %rsp			/* vector, error code */
	iretq

	.section .note.GNU-stack, "", @progbits
