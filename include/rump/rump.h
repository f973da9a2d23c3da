/*
 * rump/rump.h -- the public interface of a rump kernel for the programs
 * that host it: bootstrap and process/lwp control.  System calls are in
 * <rump/rump_syscalls.h>.
 *
 * Functions returning int return 0 or a positive errno value, unless
 * said otherwise.  All of them may be called from any host thread.
 */
#ifndef RUMP_RUMP_H
#define RUMP_RUMP_H

#ifdef __cplusplus
extern "C" {
#endif

struct lwp;

/*
 * rump_init: boot the kernel.  Reads the bootstrap parameters from the
 * host (POSIX: environment variables), as rumpkernel(7) defines them:
 *   RUMP_NCPU      virtual CPUs, i.e. how many threads may run kernel
 *                  code at once: 1..64 or "host" (host cores); default 2
 *   RUMP_VERBOSE   non-zero: print bootstrap messages; default silent
 *   RUMP_MEMLIMIT  cap on host memory, bytes with optional k/m/g
 *                  suffix (powers of 1024); default: none (hw: guest RAM)
 *   RUMP_HOSTNAME  the kernel's node name (uname); default "rump"
 * then initialises every linked component in order.  A bad parameter
 * or a failing component makes it print a message naming it and return
 * EINVAL (or the component's error); nothing is left running.  Calling
 * it again after success returns 0.
 */
int rump_init(void);

/* rump_getversion: the kernel's version as a number (major*100+minor). */
int rump_getversion(void);

/*
 * Processes and lwps, as NetBSD's rump_lwproc(3).  Every host thread
 * that calls into the kernel runs as an lwp of a process; without one
 * of its own it uses an lwp of the default process (pid 1).
 */

/*
 * rump_lwproc_newproc: create a fresh process (no descriptors, cwd /,
 * the credentials of the current one) and bind the calling thread to
 * its lwp.  The previously bound lwp, if any, stays alive, unbound.
 */
int rump_lwproc_newproc(void);

#define RUMP_RFFDG  0x01 /* copy the descriptor table */
#define RUMP_RFCFDG 0x02 /* start with no descriptors */
/*
 * rump_lwproc_rfork: as newproc, but the new process is a child of the
 * current one and inherits its cwd, credentials and limits; flags choose
 * what happens to the descriptor table (0: share nothing but copy:
 * same as RUMP_RFFDG).
 */
int rump_lwproc_rfork(int flags);

/*
 * rump_lwproc_newlwp: create a new lwp in process pid and bind the
 * calling thread to it.  ESRCH: no such process.
 */
int rump_lwproc_newlwp(int pid);

/*
 * rump_lwproc_switch: bind the calling thread to l (from
 * rump_lwproc_curlwp()), leaving the current lwp unbound; NULL unbinds
 * and makes the thread use an implicit lwp again.  l must not be bound to
 * another thread.
 */
void rump_lwproc_switch(struct lwp *l);

/*
 * rump_lwproc_releaselwp: destroy the lwp bound to the calling thread;
 * if it was the last lwp of its process, the process exits (descriptors
 * closed).  Implicit lwps are not released this way.
 */
void rump_lwproc_releaselwp(void);

/*
 * rump_lwproc_haltonexit: when the current process exits, the kernel
 * halts: file systems are synced and the host ends with the process's
 * exit status (128+N if a signal N ended it).  Unikernel images use this
 * for their program; a no-op for the default process.
 */
void rump_lwproc_haltonexit(void);

/*
 * rump_console_stdio: give the current process descriptors 0, 1 and 2 on
 * the console (0 reads console input, 1 is standard output, 2 standard
 * error).  Provided by the rumpdev component.  EBUSY if one of them is
 * open already.
 */
int rump_console_stdio(void);

/* rump_lwproc_curlwp: the lwp bound to the calling thread, or NULL. */
struct lwp *rump_lwproc_curlwp(void);

/* rump_getpid_of: the pid of l's process. */
int rump_lwproc_getpid(struct lwp *l);

/*
 * rump_schedule / rump_unschedule: take and give back a virtual CPU
 * explicitly, for hosts that call kernel-internal code directly (tests).
 * The rump_sys_*() calls do this themselves.
 */
void rump_schedule(void);
void rump_unschedule(void);

#ifdef __cplusplus
}
#endif

#endif /* RUMP_RUMP_H */
