/*
 * empty.S -- the smallest image QEMU boots with -kernel: a multiboot
 * header (address fields, like the platform's), one line to COM1, exit
 * status 0 through isa-debug-exit.  It never leaves 32-bit mode: it is
 * the reference point for boot-time measurements of real images.
 */
#define MB_MAGIC	0x1badb002
#define MB_FLAGS	0x00010000	/* the address fields are valid */

	.section .text, "ax"
	.code32
	.p2align 2
empty_header:
	.long	MB_MAGIC
	.long	MB_FLAGS
	.long	-(MB_MAGIC + MB_FLAGS)
	.long	empty_header			/* header_addr */
	.long	empty_image_start		/* load_addr */
	.long	empty_edata			/* load_end_addr */
	.long	empty_end			/* bss_end_addr */
	.long	empty_start			/* entry_addr */

	.globl	empty_start
empty_start:
	mov	$msg, %esi
	mov	$0x3f8, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:	mov	$0xf4, %dx
	mov	$1, %eax			/* status 0: QEMU exits 3 */
	outl	%eax, %dx
3:	hlt
	jmp	3b

msg:	.asciz	"empty: hello from the empty kernel\n"

	.section .note.GNU-stack, "", @progbits
