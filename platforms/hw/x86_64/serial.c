/*
 * serial.c -- the console: a 16550 UART at COM1 (I/O port 0x3f8, ISA
 * IRQ 4).  Output is polled; input raises an interrupt that the handler
 * answers by moving bytes into the console's ring (console.c).
 */
#include "hw/arch.h"
#include "hw/console.h"
#include "hw/lib.h"
#include "x86.h"

#define COM1 0x3f8
#define COM1_IRQ 4

/* Register offsets (16550 data sheet). */
#define UART_DATA 0 /* RBR/THR, DLL when DLAB */
#define UART_IER 1  /* DLM when DLAB */
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5

#define IER_RDA 0x01     /* interrupt when data is available */
#define LCR_8N1 0x03
#define LCR_DLAB 0x80
#define MCR_DTR_RTS 0x03
#define MCR_OUT2 0x08    /* gates the IRQ line on PC hardware */
#define LSR_DR 0x01      /* data ready */
#define LSR_THRE 0x20    /* transmit holding register empty */

static bool has_intr;

void rumphw_serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_DLAB);
	outb(COM1 + UART_DATA, 1); /* divisor 1: 115200 baud */
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, LCR_8N1);
	outb(COM1 + UART_FCR, 0x07); /* enable and clear the FIFOs */
	outb(COM1 + UART_MCR, MCR_DTR_RTS);
}

void rumphw_md_putc(int c)
{
	/* Bounded wait: a missing UART reads 0xff and never blocks us. */
	for (int i = 0; i < 100000; i++)
		if (inb(COM1 + UART_LSR) & LSR_THRE)
			break;
	outb(COM1 + UART_DATA, (uint8_t)c);
}

int rumphw_md_getc(void)
{
	uint8_t lsr = inb(COM1 + UART_LSR);

	if (lsr == 0xff || !(lsr & LSR_DR))
		return -1;
	return inb(COM1 + UART_DATA);
}

bool rumphw_md_console_has_intr(void)
{
	return has_intr;
}

static void serial_intr(void)
{
	int c;

	while ((c = rumphw_md_getc()) >= 0)
		rumphw_console_rx(c);
}

void rumphw_serial_enable_rx_intr(void)
{
	rumphw_intr_establish(VEC_SERIAL, serial_intr);
	if (rumphw_ioapic_route_isa(COM1_IRQ, VEC_SERIAL) != 0)
		return;
	outb(COM1 + UART_MCR, MCR_DTR_RTS | MCR_OUT2);
	outb(COM1 + UART_IER, IER_RDA);
	has_intr = true;
}
