/*
 * console.c -- the rumpuser console calls.  Output goes straight to the
 * architecture's console device.  Input is buffered in a ring that the
 * device's interrupt handler (or the idle loop's polling) fills; readers
 * sleep until it has data.  A Ctrl-D (0x04) at the start of a read is
 * the end of input, as on a terminal: a serial line has no other.
 */
#include "hw/console.h"
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/sched.h"

#define RXSIZE 1024 /* a power of two */
#define CTRL_D 0x04

static unsigned char rxbuf[RXSIZE];
static unsigned rxhead, rxtail; /* free-running; head - tail = bytes held */
static struct rumphw_tq readers;
static unsigned rxdropped;

void rumphw_console_rx(int c)
{
	if (rxhead - rxtail == RXSIZE) {
		rxdropped++;
		return;
	}
	rxbuf[rxhead++ % RXSIZE] = (unsigned char)c;
}

static void poll_device(void)
{
	int c;

	if (!rumphw_md_console_has_intr())
		while ((c = rumphw_md_getc()) >= 0)
			rumphw_console_rx(c);
}

bool rumphw_console_poll(void)
{
	poll_device();
	if (rxhead != rxtail)
		rumphw_tq_wakeall(&readers);
	return readers.head != NULL;
}

void rumpuser_putchar(int c)
{
	rumphw_md_putc(c);
}

int rumpuser_console_write(int stream, const void *buf, uint64_t len)
{
	const char *p = buf;

	if (stream != RUMPUSER_CONSOLE_OUT && stream != RUMPUSER_CONSOLE_ERR)
		return HW_EBADF;
	while (len--)
		rumphw_md_putc(*p++);
	return 0;
}

int rumpuser_console_read(void *buf, uint64_t len, uint64_t *rv)
{
	unsigned char *p = buf;
	uint64_t n = 0;

	if (len == 0) {
		*rv = 0;
		return 0;
	}
	poll_device();
	if (rxhead == rxtail) {
		rumphw_hyp_unschedule();
		while (rxhead == rxtail)
			rumphw_sched_block(&readers, 0);
		rumphw_hyp_schedule();
	}
	if (rxbuf[rxtail % RXSIZE] == CTRL_D) {
		rxtail++;
		*rv = 0;
		return 0;
	}
	while (n < len && rxhead != rxtail && rxbuf[rxtail % RXSIZE] != CTRL_D)
		p[n++] = rxbuf[rxtail++ % RXSIZE];
	*rv = n;
	return 0;
}
