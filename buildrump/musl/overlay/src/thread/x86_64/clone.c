/* clone.c -- rumprun's __clone for x86_64: instead of the clone trap,
 * ask the rump kernel for a thread (rump_clone_thread). */
#include <stdarg.h>
#include <stdint.h>
#include "pthread_impl.h"
#include "rump_entry.h"

/* musl's internal contract (src/internal/pthread_impl.h): __clone(fn,
 * stack, flags, arg, ptid, tls, ctid) returns the new tid or -errno, and
 * the child runs fn(arg) and exits with its return value. */
int __clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
	va_list ap;
	int *ptid, *ctid;
	void *tls;

	va_start(ap, arg);
	ptid = va_arg(ap, int *);
	tls = va_arg(ap, void *);
	ctid = va_arg(ap, int *);
	va_end(ap);

	/* The trap version aligns the child's stack; keep that promise. */
	stack = (void *)((uintptr_t)stack & ~(uintptr_t)15);
	return rump_clone_thread(fn, arg, stack, flags, tls, ptid, ctid);
}
