/* __unmapself.c -- rumprun's x86_64 "free my own stack and exit" for
 * detached threads, in C.
 *
 * The trap version unmaps the stack and exits without touching memory in
 * between.  A C function cannot: returning from rump_syscall(SYS_munmap)
 * would run on freed memory.  So the unmap is deferred by one thread: each
 * exiting detached thread frees the stack of the previous one and leaves
 * its own for the next.  That is safe because musl calls this with
 * __thread_list_lock held, and the kernel releases that lock (the
 * clear_child_tid word set by pthread_create) only when the previous
 * thread has finished exiting (see rump_entry.h).  Cost: at most one
 * thread stack stays allocated after its thread has gone. */
#include "pthread_impl.h"
#include "syscall.h"

/* Protected by __thread_list_lock, which every caller holds. */
static void *deferred_base;
static size_t deferred_size;

void __unmapself(void *base, size_t size)
{
	if (deferred_base != NULL)
		__syscall(SYS_munmap, deferred_base, deferred_size);
	deferred_base = base;
	deferred_size = size;
	for (;;)
		__syscall(SYS_exit, 0);
}
