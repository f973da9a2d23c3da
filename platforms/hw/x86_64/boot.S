/*
 * boot.S -- where the image starts.  Holds the multiboot (v1) header and
 * the PVH ELF note, the 32-bit entry points of both protocols, the boot
 * page tables (first 4 GiB identity-mapped; the first 2 MiB in small
 * pages so that start.c can unmap page 0 once the loader's data there
 * has been read), the switch to long mode, and the call into C
 * (rumphw_boot in start.c).  docs/platform-hw.md explains which loader
 * takes which path.
 */

#define MB_MAGIC	0x1badb002
/* bit 1: pass a memory map; bit 16: the address fields below are valid,
 * so QEMU loads our ELF64 file as a flat image (it refuses ELF64 without). */
#define MB_FLAGS	0x00010002
#define MB_BOOT_MAGIC	0x2badb002	/* %eax from a multiboot loader */
#define PVH_MAGIC	0x336ec578	/* start_info magic (our tag for PVH) */
#define XEN_ELFNOTE_PHYS32_ENTRY 18

#define PTE_P	0x001
#define PTE_W	0x002
#define PTE_PS	0x080

#define COM1	0x3f8
#define DEBUG_EXIT 0xf4

	.section .boot.multiboot, "a"
	.p2align 2
rumphw_mbheader:
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)
	.long rumphw_mbheader		/* header_addr */
	.long rumphw_image_start	/* load_addr: file offset 0 */
	.long rumphw_edata		/* load_end_addr */
	.long rumphw_end		/* bss_end_addr */
	.long rumphw_start32		/* entry_addr */

	/* PVH: Xen's ELF note naming the 32-bit entry point. */
	.section .note.pvh, "a"
	.p2align 2
	.long 4				/* namesz */
	.long 4				/* descsz */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.long rumphw_pvh_start32

	.section .boot.text, "ax"
	.code32

/* Multiboot: 32-bit protected mode, paging off, %eax magic, %ebx info. */
	.globl rumphw_start32
	.type rumphw_start32, @function
rumphw_start32:
	cli
	cld
	mov	%eax, %ebp
	mov	%ebx, %esi
	jmp	boot32

/* PVH: the same machine state, %ebx = struct hvm_start_info. */
	.globl rumphw_pvh_start32
	.type rumphw_pvh_start32, @function
rumphw_pvh_start32:
	cli
	cld
	mov	$PVH_MAGIC, %ebp
	mov	%ebx, %esi

boot32:
	/* Zero .bss: the page tables and boot stack live there. */
	mov	$rumphw_bss_start, %edi
	mov	$rumphw_end, %ecx
	sub	%edi, %ecx
	xor	%eax, %eax
	rep stosb
	mov	$rumphw_boot_stack_top, %esp

	/* Long mode is required; say so on the serial port if missing. */
	mov	$0x80000000, %eax
	cpuid
	cmp	$0x80000001, %eax
	jb	no_long_mode
	mov	$0x80000001, %eax
	cpuid
	bt	$29, %edx
	jnc	no_long_mode
	mov	%edx, %ebx			/* bit 20: NX available */

	/* PML4[0] -> PDPT, PDPT[0..3] -> four page directories. */
	movl	$(rumphw_boot_pdpt + PTE_P + PTE_W), rumphw_boot_pml4
	mov	$(rumphw_boot_pd + PTE_P + PTE_W), %eax
	mov	$rumphw_boot_pdpt, %edi
	mov	$4, %ecx
1:	mov	%eax, (%edi)
	add	$4096, %eax
	add	$8, %edi
	loop	1b

	/* 2048 large pages of 2 MiB cover 0..4 GiB. */
	mov	$(PTE_P + PTE_W + PTE_PS), %eax
	mov	$rumphw_boot_pd, %edi
	mov	$2048, %ecx
1:	mov	%eax, (%edi)
	add	$0x200000, %eax
	add	$8, %edi
	loop	1b

	/* The first 2 MiB in 4 KiB pages. */
	movl	$(rumphw_boot_pt0 + PTE_P + PTE_W), rumphw_boot_pd
	mov	$(PTE_P + PTE_W), %eax
	mov	$rumphw_boot_pt0, %edi
	mov	$512, %ecx
1:	mov	%eax, (%edi)
	add	$4096, %eax
	add	$8, %edi
	loop	1b

	/* PAE, our page tables, EFER.LME (+NXE), then paging + WP. */
	mov	%cr4, %eax
	or	$0x20, %eax
	mov	%eax, %cr4
	mov	$rumphw_boot_pml4, %eax
	mov	%eax, %cr3
	mov	$0xc0000080, %ecx
	rdmsr
	or	$0x100, %eax
	bt	$20, %ebx
	jnc	1f
	or	$0x800, %eax
1:	wrmsr
	mov	%cr0, %eax
	or	$0x80010001, %eax
	mov	%eax, %cr0

	lgdt	boot_gdtr
	ljmp	$0x08, $start64

no_long_mode:
	mov	$msg_no_long_mode, %esi
	mov	$COM1, %dx
1:	lodsb
	test	%al, %al
	jz	2f
	outb	%al, %dx
	jmp	1b
2:	mov	$DEBUG_EXIT, %dx
	mov	$0x7f, %eax			/* the panic status, see exit.c */
	outl	%eax, %dx
3:	hlt
	jmp	3b

	.code64
start64:
	mov	$0x10, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	mov	$rumphw_boot_stack_top, %rsp
	mov	%ebp, %edi			/* boot protocol magic */
	mov	%esi, %esi			/* info pointer, zero-extended */
	xor	%ebp, %ebp			/* ends backtraces */
	call	rumphw_boot
1:	hlt
	jmp	1b

	.section .rodata
	.p2align 3
boot_gdt:
	.quad	0
	.quad	0x00af9a000000ffff		/* 0x08: 64-bit code */
	.quad	0x00cf92000000ffff		/* 0x10: data */
boot_gdtr:
	.word	boot_gdtr - boot_gdt - 1
	.long	boot_gdt
msg_no_long_mode:
	.asciz	"rumphw: this CPU has no long mode (x86_64): cannot boot\n"

	.section .bss
	.p2align 12
	.globl rumphw_boot_pml4, rumphw_boot_pdpt, rumphw_boot_pd
	.globl rumphw_boot_pt0, rumphw_boot_stack_top
rumphw_boot_pml4:
	.space	4096
rumphw_boot_pdpt:
	.space	4096
rumphw_boot_pd:
	.space	4 * 4096
rumphw_boot_pt0:
	.space	4096
	/* The boot stack becomes CPU 0's idle thread stack. */
	.space	16384
rumphw_boot_stack_top:

	.section .note.GNU-stack, "", @progbits
