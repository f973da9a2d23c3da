/* syscall_cp.c -- rumprun's cancellable system call for x86_64.
 *
 * musl's trap version marks the instructions between its cancellation
 * check and the trap (__cp_begin..__cp_end) so that the SIGCANCEL handler
 * can divert a thread blocked in the kernel.  A rump_syscall() is a
 * function call whose program counter is never in such a range, so
 * cancellation here is best effort: a pending cancel is acted on before
 * the call, and a call the kernel interrupts with -EINTR is acted on by
 * musl's __syscall_cp_c afterwards. */
#include "syscall.h"

hidden long __cancel(void);

/* An empty range: the cancel handler's "is the PC inside the syscall"
 * test is always false, so it never redirects to __cp_cancel. */
hidden const char __cp_begin[1] = { 0 };
extern hidden const char __cp_end[1] __attribute__((alias("__cp_begin")));

hidden long __cp_cancel(void)
{
	return __cancel();
}

hidden long __syscall_cp_asm(
    volatile int *cancel, syscall_arg_t nr, syscall_arg_t u,
    syscall_arg_t v, syscall_arg_t w, syscall_arg_t x, syscall_arg_t y,
    syscall_arg_t z)
{
	if (*cancel)
		return __cancel();
	return rump_syscall(nr, u, v, w, x, y, z);
}
