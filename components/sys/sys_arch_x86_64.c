/*
 * sys_arch_x86_64.c -- arch_prctl: the thread pointer of a libc running
 * on the kernel (musl's __set_thread_area in an image) is the calling
 * thread's FS base, which only the platform can set (rumpuser_settls).
 */
#include "sys_int.h"
#include <rumpuser.h>

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

long
sys_arch_prctl(int code, unsigned long addr)
{
	void *old;
	int error;

	switch (code) {
	case ARCH_SET_FS:
		error = rumpuser_settls((void *)addr, NULL);
		return error == 0 ? 0 : -error;
	case ARCH_GET_FS:
		error = rumpuser_settls(NULL, &old);
		if (error != 0)
			return -error;
		/* Reading was all we wanted: put it back. */
		rumpuser_settls(old, NULL);
		return copyout(&old, (void *)addr, sizeof(old));
	case ARCH_SET_GS:
	case ARCH_GET_GS:
		/* The platform keeps GS for itself. */
		return -EPERM;
	default:
		return -EINVAL;
	}
}
