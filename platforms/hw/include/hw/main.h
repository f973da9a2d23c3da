/*
 * hw/main.h -- the hand-over from an architecture's boot code to the
 * generic platform.
 */
#ifndef HW_MAIN_H
#define HW_MAIN_H

/*
 * rumphw_main: called by the architecture on the boot stack once the
 * CPU, interrupts, clocks, the page allocator and rumphw_sched_init()
 * are ready: probes devices, starts rumprun_main in a thread and runs
 * the idle loop.  Never returns.
 */
void rumphw_main(void) __attribute__((__noreturn__));

#endif /* HW_MAIN_H */
