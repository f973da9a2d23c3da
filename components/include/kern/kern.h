/*
 * kern/kern.h -- everything the kernel core offers to components, in one
 * include.  Each sub-header documents its functions.
 */
#ifndef KERN_KERN_H
#define KERN_KERN_H

#include <kern/types.h>
#include <kern/atomic.h>
#include <kern/libkern.h>
#include <kern/printf.h>
#include <kern/kmem.h>
#include <kern/lock.h>
#include <kern/lwp.h>
#include <kern/time.h>
#include <kern/callout.h>
#include <kern/component.h>
#include <abi/errno.h>

/* Bootstrap parameters as parsed by rump_init (components/kern/param.c). */
extern int boot_verbose;        /* RUMP_VERBOSE */
extern uint64_t memlimit_bytes;  /* RUMP_MEMLIMIT; UINT64_MAX: none */
extern char hostname[65];       /* uname node name */

/*
 * kern_getparam: read bootstrap parameter name from the host into buf;
 * 0, or -ENOENT when unset (other errors are reported and -EINVAL).
 */
int kern_getparam(const char *name, char *buf, size_t len);

/*
 * Shutdown hooks run, in registration order, when the kernel halts: the
 * place to write caches back (file systems sync).  Called with a CPU.
 */
struct shutdown_hook {
	const char *sh_name;
	void (*sh_fn)(void);
	struct shutdown_hook *sh_next; /* private */
};
void shutdown_hook_register(struct shutdown_hook *sh);

/*
 * kern_halt: run the shutdown hooks, then end the host with status
 * (0..255) through rumpuser_exit.  Never returns.  Called with a CPU.
 */
void kern_halt(int status) __noreturn;

#endif /* KERN_KERN_H */
