/* syscall_arch.h -- rumprun's replacement of musl's x86_64 system call
 * glue: every __syscallN() is a plain function call of rump_syscall()
 * into the rump kernel, which returns -errno like the trap would. */
#include "rump_entry.h"

/* 64-bit arguments fit one register on x86_64: no splitting. */
#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

static __inline long __syscall0(long n)
{
	return rump_syscall(n, 0, 0, 0, 0, 0, 0);
}

static __inline long __syscall1(long n, long a1)
{
	return rump_syscall(n, a1, 0, 0, 0, 0, 0);
}

static __inline long __syscall2(long n, long a1, long a2)
{
	return rump_syscall(n, a1, a2, 0, 0, 0, 0);
}

static __inline long __syscall3(long n, long a1, long a2, long a3)
{
	return rump_syscall(n, a1, a2, a3, 0, 0, 0);
}

static __inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	return rump_syscall(n, a1, a2, a3, a4, 0, 0);
}

static __inline long __syscall5(long n, long a1, long a2, long a3, long a4,
    long a5)
{
	return rump_syscall(n, a1, a2, a3, a4, a5, 0);
}

static __inline long __syscall6(long n, long a1, long a2, long a3, long a4,
    long a5, long a6)
{
	return rump_syscall(n, a1, a2, a3, a4, a5, a6);
}

/* No VDSO_USEFUL: there is no vDSO in a rump kernel image, so clock_gettime
 * and getcpu always go through rump_syscall. */

/* x86_64 System V IPC takes no IPC_64 flag (the Linux x86_64 ABI). */
#define IPC_64 0
