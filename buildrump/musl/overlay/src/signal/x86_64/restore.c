/* restore.c -- rumprun's x86_64 signal return trampoline, in C.
 *
 * sigaction() hands __restore_rt to the kernel as SA_RESTORER; a signal
 * handler returns into it and it asks the kernel to restore the
 * interrupted context.  With a rump kernel the handler is called by the
 * kernel's signal delivery, which owns the saved context: this just makes
 * the rt_sigreturn call that tells it the handler is done. */
#include "syscall.h"

hidden void __restore_rt(void)
{
	__syscall(SYS_rt_sigreturn);
}
