/*
 * idt.c -- the interrupt descriptor table: all 256 vectors lead to the
 * stubs of vectors.S, and every one of them switches to an IST stack, so
 * no handler ever writes below the interrupted %rsp (the red zone).
 */
#include "hw/lib.h"
#include "x86.h"

struct idt_gate {
	uint16_t off0;
	uint16_t sel;
	uint8_t ist;
	uint8_t type;
	uint16_t off1;
	uint32_t off2;
	uint32_t reserved;
} __attribute__((__packed__));

static struct idt_gate idt[256] __attribute__((__aligned__(16)));

/* vectors.S: 256 stubs, 16 bytes apart. */
extern char rumphw_trap_stubs[];
#define STUB_SIZE 16

/* IST slot (1-based, see md.h) of a vector. */
static unsigned ist_of(unsigned vec)
{
	switch (vec) {
	case 2:
		return 4; /* NMI: may hit anywhere, even an exception path */
	case 8:
		return 3; /* double fault: the stack may be the problem */
	case 18:
		return 5; /* machine check */
	default:
		return vec < 32 ? 2 : 1;
	}
}

void rumphw_idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((__packed__)) idtr = { sizeof(idt) - 1,
		(uintptr_t)idt };

	for (unsigned v = 0; v < 256; v++) {
		uint64_t off = (uintptr_t)rumphw_trap_stubs + v * STUB_SIZE;
		idt[v].off0 = off & 0xffff;
		idt[v].sel = 0x08;
		idt[v].ist = ist_of(v);
		idt[v].type = 0x8e; /* present, DPL 0, interrupt gate */
		idt[v].off1 = (off >> 16) & 0xffff;
		idt[v].off2 = off >> 32;
		idt[v].reserved = 0;
	}
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
