/* __set_thread_area.c -- rumprun's x86_64 thread pointer set-up: the
 * rump kernel's arch_prctl(ARCH_SET_FS) loads %fs base for this thread. */
#include "pthread_impl.h"
#include "syscall.h"

#define RUMPRUN_ARCH_SET_FS 0x1002 /* Linux asm/prctl.h ARCH_SET_FS */

int __set_thread_area(void *p)
{
	return __syscall(SYS_arch_prctl, RUMPRUN_ARCH_SET_FS, p);
}
