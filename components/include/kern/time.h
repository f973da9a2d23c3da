/*
 * kern/time.h -- kernel time (components/kern/time.c): monotonic and wall
 * clocks through rumpuser, and sleeping.
 */
#ifndef KERN_TIME_H
#define KERN_TIME_H

#include <kern/types.h>

#include <abi/time.h> /* NSEC_PER_SEC */

/* nanouptime_ns: monotonic time in ns since an arbitrary point. */
int64_t nanouptime_ns(void);
/* nanotime: wall time (Unix epoch), adjusted by settime. */
void nanotime(int64_t *sec, int64_t *nsec);
/* settime: set the wall clock seen by this kernel (not the host's). */
void settime(int64_t sec, int64_t nsec);
/* boottime_ns: monotonic time when the kernel started. */
int64_t boottime_ns(void);

/*
 * kpause: sleep ns nanoseconds, releasing the CPU.  If intr, a signal
 * ends the sleep early with -EINTR; otherwise returns 0.
 */
int kpause(int64_t ns, bool intr);

#endif /* KERN_TIME_H */
