/*
 * kern/callout.h -- timeouts: a function run once, on the callout thread,
 * when its time has come (components/kern/callout.c).
 */
#ifndef KERN_CALLOUT_H
#define KERN_CALLOUT_H

#include <kern/types.h>

struct callout {
	void (*c_func)(void *);
	void *c_arg;
	int64_t c_when;          /* monotonic ns */
	int c_flags;             /* private */
	struct callout *c_next;  /* private */
};

/* callout_init: set c up as idle. */
void callout_init(struct callout *c);
/*
 * callout_reset: (re)arm c to call func(arg) after ns nanoseconds.
 * func runs with a virtual CPU on the callout thread and must not sleep
 * for long.
 */
void callout_reset(struct callout *c, int64_t ns, void (*func)(void *),
    void *arg);
/* callout_stop: disarm c; true if it was pending.  Does not wait. */
bool callout_stop(struct callout *c);
/* callout_halt: disarm c and wait until it is not running. */
bool callout_halt(struct callout *c);
/* callout_pending: true if armed and not yet run. */
bool callout_pending(struct callout *c);

#endif /* KERN_CALLOUT_H */
