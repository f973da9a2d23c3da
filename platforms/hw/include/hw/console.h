/*
 * hw/console.h -- console input buffering between the architecture's
 * console device (interrupt handler or idle poll) and console readers.
 */
#ifndef HW_CONSOLE_H
#define HW_CONSOLE_H

#include "hw/types.h"

/* rumphw_console_rx: one byte arrived; called with interrupts disabled. */
void rumphw_console_rx(int c);
/* rumphw_console_poll: idle loop: fetch input, wake readers; true if a
 * reader waits (the idle loop then polls periodically without an IRQ). */
bool rumphw_console_poll(void);

#endif /* HW_CONSOLE_H */
