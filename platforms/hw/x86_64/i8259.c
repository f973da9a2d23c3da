/*
 * i8259.c -- the legacy PICs: remapped away from the exception vectors
 * (their spurious IRQs 7 and 15 would otherwise look like exceptions)
 * and masked, since the IOAPIC delivers ISA interrupts.  On machines
 * without them (microvm with pic=off) the writes go nowhere.
 */
#include "x86.h"

#define PIC1 0x20
#define PIC2 0xa0

void rumphw_i8259_disable(void)
{
	outb(PIC1, 0x11);            /* ICW1: init, ICW4 follows */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, VEC_PIC_BASE); /* ICW2: vector base */
	outb(PIC2 + 1, VEC_PIC_BASE + 8);
	outb(PIC1 + 1, 0x04);        /* ICW3: slave on IRQ 2 */
	outb(PIC2 + 1, 0x02);
	outb(PIC1 + 1, 0x01);        /* ICW4: 8086 mode */
	outb(PIC2 + 1, 0x01);
	outb(PIC1 + 1, 0xff);        /* OCW1: mask everything */
	outb(PIC2 + 1, 0xff);
}
