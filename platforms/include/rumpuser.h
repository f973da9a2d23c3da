/*
 * rumpuser.h -- the hypercall interface: the only door between a rump
 * kernel and its host.
 *
 * A platform (platforms/posix, platforms/hw/x86_64, ...) implements every
 * function declared here; the kernel (components/) calls nothing else of
 * its host.  docs/rumpuser.md is the manual page of this header.
 *
 * Conventions, valid for every call unless its comment says otherwise:
 *
 *  - A call returns 0 on success or a positive errno value on failure.
 *    Errno values are those of the kernel's ABI (Linux, see docs): the
 *    platform translates its host's errno once, in one place.  Results
 *    are passed back through out-pointers, which are written only on
 *    success.
 *  - "May block" means the call can wait for an event outside the kernel's
 *    control (a lock, a timer, I/O).  A call that may block releases the
 *    calling thread's virtual CPU first (hyp_unschedule) and takes one
 *    again (hyp_schedule) before returning, unless its name ends in
 *    _nowrap, in which case the caller has already done so.
 *  - Memory passed in stays owned by the caller; memory handed out is
 *    owned by the caller of the call that handed it out.
 *  - Only fixed-width types are used, so this header includes nothing but
 *    <stdint.h>-compatible definitions and is the same on every host.
 *
 * Structures here only grow at the end; RUMPUSER_VERSION changes whenever
 * the meaning of an existing call changes.
 */
#ifndef RUMPUSER_H
#define RUMPUSER_H

#ifdef __STDC_HOSTED__
#if __STDC_HOSTED__
#include <stdint.h>
#endif
#endif
#if !defined(__STDC_HOSTED__) || !__STDC_HOSTED__
/* Freestanding: the compiler's own fixed-width types. */
typedef __INT8_TYPE__ int8_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __INT16_TYPE__ int16_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __INT32_TYPE__ int32_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __INT64_TYPE__ int64_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#endif

#define RUMPUSER_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------
 * Initialisation
 */

/*
 * Upcalls: what the kernel gives the host at init.  The host calls them
 * from its blocking hypercalls; they are never called while the host holds
 * an internal lock of its own.  They may be called while the calling
 * thread holds the rumpuser mutex or rwlock it just took (mutex_enter,
 * rw_enter, cv_wait take the lock before the CPU): that is safe because
 * a thread holding a CPU that waits for a sleeping lock releases its CPU.
 */
struct rumpuser_hyperup {
	/* Give up the calling thread's virtual CPU before blocking. */
	void (*hyp_unschedule)(void);
	/* Take a virtual CPU again after blocking; may itself block. */
	void (*hyp_schedule)(void);
	/*
	 * A host thread that had entered the kernel without being bound to
	 * an lwp got one implicitly; the host calls this when that thread
	 * exits so the kernel can free it.  The argument is the lwp the host
	 * had stored with rumpuser_curlwpop(RUMPUSER_LWP_SET, ...).
	 */
	void (*hyp_lwpexit)(void *lwp);
};

/*
 * rumpuser_init: check the kernel's interface version and remember the
 * upcalls.  Must be the first hypercall.  Returns 0, or EINVAL if version
 * is not RUMPUSER_VERSION.  Does not block.  hyp stays owned by the kernel
 * and must live until rumpuser_exit().
 */
int rumpuser_init(int version, const struct rumpuser_hyperup *hyp);

/*
 * rumpuser_getparam: copy the NUL-terminated value of host parameter name
 * into buf (at most buflen bytes including the NUL).  On POSIX hosts
 * parameters are environment variables, on hw the boot command line.
 * Names beginning with "_RUMPUSER_" are answered by the platform itself:
 *   _RUMPUSER_NCPU      number of host CPUs, in decimal
 *   _RUMPUSER_HOSTNAME  a name for this host
 *   _RUMPUSER_MEMSIZE   usable host memory in bytes (hw: guest RAM)
 *   _RUMPUSER_MEMLIMIT  the memory limit to use when RUMP_MEMLIMIT is
 *                       unset; only platforms that own their machine
 *                       answer it (hw: guest RAM), others say ENOENT
 * Returns ENOENT if the parameter is not set, E2BIG if buf is too small.
 * Does not block.
 */
int rumpuser_getparam(const char *name, void *buf, uint64_t buflen);

/* ---------------------------------------------------------------------
 * Memory
 */

/*
 * rumpuser_malloc: allocate len bytes aligned to alignment (a power of
 * two, 0 meaning pointer alignment; page alignment must be supported).
 * The memory is not zeroed.  Returns ENOMEM when the host has none.
 * Does not block.  The kernel owns the memory until rumpuser_free().
 */
int rumpuser_malloc(uint64_t len, int alignment, void **memp);

/*
 * rumpuser_free: return memory from rumpuser_malloc; len is the length
 * it was allocated with.  Does not block.
 */
void rumpuser_free(void *mem, uint64_t len);

/* ---------------------------------------------------------------------
 * Console and exit
 */

/*
 * rumpuser_putchar: write one character to the host console (POSIX:
 * standard error).  Unbuffered where the host allows.  Does not block.
 */
void rumpuser_putchar(int c);

/*
 * rumpuser_console_write: write len bytes to the host console.  Used for
 * a program's standard output and error; may block on a slow console.
 * Writes everything or fails with an errno.
 */
int rumpuser_console_write(int stream, const void *buf, uint64_t len);
#define RUMPUSER_CONSOLE_OUT 1
#define RUMPUSER_CONSOLE_ERR 2

/*
 * rumpuser_console_read: read up to len bytes of console input into buf
 * (POSIX: standard input).  Blocks until at least one byte is there or
 * the input ends; *rv is 0 at end of input.
 */
int rumpuser_console_read(void *buf, uint64_t len, uint64_t *rv);

/*
 * rumpuser_exit: end the whole host (POSIX: the process; hw: the guest)
 * with status value, 0..255.  RUMPUSER_PANIC ends it as abnormally as the
 * host can (POSIX: abort(); hw: the panic exit status).  Never returns.
 */
#define RUMPUSER_PANIC (-1)
void rumpuser_exit(int value) __attribute__((__noreturn__));

/* ---------------------------------------------------------------------
 * Time
 */

enum rumpuser_clock {
	RUMPUSER_CLOCK_RELWALL, /* wall time; sleeps are relative */
	RUMPUSER_CLOCK_ABSMONO  /* monotonic time; sleeps are absolute */
};

/*
 * rumpuser_clock_gettime: read clock into *sec and *nsec.  The wall
 * clock counts from the Unix epoch, the monotonic one from an arbitrary
 * point before the kernel started.  Does not block.
 */
int rumpuser_clock_gettime(int clock, int64_t *sec, int64_t *nsec);

/*
 * rumpuser_clock_sleep: sleep for the relative time sec.nsec
 * (RUMPUSER_CLOCK_RELWALL) or until the monotonic time sec.nsec
 * (RUMPUSER_CLOCK_ABSMONO).  Blocks; releases the virtual CPU.
 * Returns 0 once the time has passed.
 */
int rumpuser_clock_sleep(int clock, int64_t sec, int64_t nsec);

/* ---------------------------------------------------------------------
 * Randomness
 */

/*
 * rumpuser_getrandom: fill buf with up to buflen random bytes from the
 * host's entropy source; *retp is how many were written.  With
 * RUMPUSER_RANDOM_NOWAIT the call does not block and may return fewer
 * bytes; otherwise it blocks until buflen bytes were written.
 */
#define RUMPUSER_RANDOM_HARD   0x01
#define RUMPUSER_RANDOM_NOWAIT 0x02
int rumpuser_getrandom(void *buf, uint64_t buflen, int flags, uint64_t *retp);

/* ---------------------------------------------------------------------
 * Threads
 */

/*
 * rumpuser_thread_create: start a host thread running fn(arg).  name is
 * for debugging (may be NULL).  joinable non-zero makes *cookie valid
 * for rumpuser_thread_join().  priority and cpuidx are hints (-1: none).
 * stacksize 0 means the host default.  The new thread starts outside the
 * kernel (without a virtual CPU).  Does not block.
 */
int rumpuser_thread_create(void *(*fn)(void *), void *arg, const char *name,
    int joinable, int priority, int cpuidx, uint64_t stacksize,
    void **cookie);

/* rumpuser_thread_exit: end the calling host thread.  Never returns. */
void rumpuser_thread_exit(void) __attribute__((__noreturn__));

/*
 * rumpuser_thread_join: wait for the joinable thread cookie to end and
 * free it.  Blocks; releases the virtual CPU.
 */
int rumpuser_thread_join(void *cookie);

/*
 * rumpuser_settls: make tp the calling thread's thread pointer (x86_64:
 * the FS base), for a libc running on top of the kernel (unikernel
 * images).  *oldp (may be NULL) gets the previous value.  Hosts whose
 * own libc owns the thread pointer (POSIX) return ENOSYS.  Does not
 * block.
 */
int rumpuser_settls(void *tp, void **oldp);

/*
 * Current-lwp hook: the host keeps, per host thread, one pointer that
 * the kernel uses to find the lwp (kernel thread context) the host
 * thread is running as.
 *   RUMPUSER_LWP_CREATE  lwp is being created (host may prepare storage)
 *   RUMPUSER_LWP_DESTROY lwp is being destroyed
 *   RUMPUSER_LWP_SET     bind lwp to the calling thread
 *   RUMPUSER_LWP_CLEAR   unbind lwp from the calling thread
 * Does not block.
 */
enum rumpuser_lwpop {
	RUMPUSER_LWP_CREATE,
	RUMPUSER_LWP_DESTROY,
	RUMPUSER_LWP_SET,
	RUMPUSER_LWP_CLEAR
};
void rumpuser_curlwpop(int op, void *lwp);

/* rumpuser_curlwp: the lwp bound to the calling thread, or NULL. */
void *rumpuser_curlwp(void);

/* ---------------------------------------------------------------------
 * Synchronisation.  The objects are opaque and owned by the host; init
 * allocates, destroy frees.  Kernel code holds a virtual CPU while it
 * calls these, and the blocking ones release it while they wait.
 */

struct rumpuser_mtx;
struct rumpuser_rw;
struct rumpuser_cv;

/* Mutex flags. */
#define RUMPUSER_MTX_SPIN    0x01 /* never sleeps: spins while held */
#define RUMPUSER_MTX_KMUTEX  0x02 /* owner is tracked (mutex_owner works) */

/* rumpuser_mutex_init: create a mutex.  Aborts the host on failure. */
void rumpuser_mutex_init(struct rumpuser_mtx **mtxp, int flags);
/*
 * rumpuser_mutex_enter: lock; blocks, releasing the CPU while it waits.
 * A RUMPUSER_MTX_SPIN mutex is instead spun for with the CPU kept.
 */
void rumpuser_mutex_enter(struct rumpuser_mtx *mtx);
/* rumpuser_mutex_enter_nowrap: lock without touching the CPU; may spin. */
void rumpuser_mutex_enter_nowrap(struct rumpuser_mtx *mtx);
/* rumpuser_mutex_tryenter: lock if free: 0, else EBUSY.  No blocking. */
int rumpuser_mutex_tryenter(struct rumpuser_mtx *mtx);
/* rumpuser_mutex_exit: unlock.  Does not block. */
void rumpuser_mutex_exit(struct rumpuser_mtx *mtx);
/* rumpuser_mutex_destroy: free an unlocked mutex. */
void rumpuser_mutex_destroy(struct rumpuser_mtx *mtx);
/* rumpuser_mutex_owner: the owning lwp of a KMUTEX mutex, or NULL. */
void rumpuser_mutex_owner(struct rumpuser_mtx *mtx, void **lwpp);

enum rumpuser_rwop { RUMPUSER_RW_READER, RUMPUSER_RW_WRITER };

/* rumpuser_rw_init: create a reader/writer lock. */
void rumpuser_rw_init(struct rumpuser_rw **rwp);
/* rumpuser_rw_enter: take it as op; blocks, releasing the CPU. */
void rumpuser_rw_enter(int op, struct rumpuser_rw *rw);
/* rumpuser_rw_tryenter: take it if possible: 0, else EBUSY. */
int rumpuser_rw_tryenter(int op, struct rumpuser_rw *rw);
/* rumpuser_rw_tryupgrade: reader to writer if alone: 0, else EBUSY. */
int rumpuser_rw_tryupgrade(struct rumpuser_rw *rw);
/* rumpuser_rw_downgrade: writer to reader, without letting go. */
void rumpuser_rw_downgrade(struct rumpuser_rw *rw);
/* rumpuser_rw_exit: release.  Does not block. */
void rumpuser_rw_exit(struct rumpuser_rw *rw);
/* rumpuser_rw_destroy: free an unheld lock. */
void rumpuser_rw_destroy(struct rumpuser_rw *rw);
/* rumpuser_rw_held: *heldp = whether it is held as op (writer: by us). */
void rumpuser_rw_held(int op, struct rumpuser_rw *rw, int *heldp);

/* rumpuser_cv_init: create a condition variable. */
void rumpuser_cv_init(struct rumpuser_cv **cvp);
/* rumpuser_cv_destroy: free a condition variable nobody waits on. */
void rumpuser_cv_destroy(struct rumpuser_cv *cv);
/*
 * rumpuser_cv_wait: atomically release mtx and wait for a signal, then
 * take mtx again.  Blocks; releases the CPU while waiting and takes mtx
 * before the CPU again, so that no CPU is held while waiting for mtx.
 * A RUMPUSER_MTX_SPIN mtx is the exception: its waiters spin holding
 * their CPUs, so the CPU is taken first and then mtx.
 */
void rumpuser_cv_wait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx);
/* rumpuser_cv_wait_nowrap: as cv_wait, the caller has released its CPU. */
void rumpuser_cv_wait_nowrap(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx);
/*
 * rumpuser_cv_timedwait: as cv_wait, for at most the relative time
 * sec.nsec.  Returns 0 when signalled, ETIMEDOUT when the time ran out.
 */
int rumpuser_cv_timedwait(struct rumpuser_cv *cv, struct rumpuser_mtx *mtx,
    int64_t sec, int64_t nsec);
/* rumpuser_cv_signal: wake one waiter.  Does not block. */
void rumpuser_cv_signal(struct rumpuser_cv *cv);
/* rumpuser_cv_broadcast: wake all waiters.  Does not block. */
void rumpuser_cv_broadcast(struct rumpuser_cv *cv);
/* rumpuser_cv_has_waiters: *waitersp = number of waiters (mtx held). */
void rumpuser_cv_has_waiters(struct rumpuser_cv *cv, int *waitersp);

/* ---------------------------------------------------------------------
 * Host files and block I/O
 */

/* Open modes; translated by the host. */
#define RUMPUSER_OPEN_RDONLY   0x0000
#define RUMPUSER_OPEN_WRONLY   0x0001
#define RUMPUSER_OPEN_RDWR     0x0002
#define RUMPUSER_OPEN_ACCMODE  0x0003
#define RUMPUSER_OPEN_CREATE   0x0004 /* create if missing */
#define RUMPUSER_OPEN_EXCL     0x0008 /* with CREATE: must not exist */
#define RUMPUSER_OPEN_BIO      0x0010 /* will be used with rumpuser_bio */

/*
 * rumpuser_open: open host file path with mode (RUMPUSER_OPEN_*); *fdp
 * is a host descriptor for the calls below.  May block.
 */
int rumpuser_open(const char *path, int mode, int *fdp);

/* rumpuser_close: close a descriptor from rumpuser_open.  May block. */
int rumpuser_close(int fd);

/* File types for rumpuser_getfileinfo. */
#define RUMPUSER_FT_OTHER 0
#define RUMPUSER_FT_DIR   1
#define RUMPUSER_FT_REG   2
#define RUMPUSER_FT_BLK   3
#define RUMPUSER_FT_CHR   4

/*
 * rumpuser_getfileinfo: size in bytes (*sizep, may be NULL) and type
 * (*typep, may be NULL) of host file path.  For block devices the size
 * is the device's.  May block.
 */
int rumpuser_getfileinfo(const char *path, uint64_t *sizep, int *typep);

/* Operations for rumpuser_bio. */
#define RUMPUSER_BIO_READ  0x01
#define RUMPUSER_BIO_WRITE 0x02
#define RUMPUSER_BIO_SYNC  0x04 /* with WRITE: data is stable when done */

/*
 * Completion callback of rumpuser_bio: error is 0 or an errno, dlen the
 * number of bytes transferred.  Called from a host thread without a
 * virtual CPU: it must schedule itself if it enters the kernel.
 */
typedef void (*rumpuser_biodone_fn)(void *arg, uint64_t dlen, int error);

/*
 * rumpuser_bio: start an asynchronous read or write of dlen bytes between
 * data and offset off of fd.  biodone(donearg, ...) is called exactly
 * once when it completes, possibly before rumpuser_bio returns.  data
 * stays owned by the caller and must live until biodone is called.
 * Does not block; errors are reported through biodone.
 */
void rumpuser_bio(int fd, int op, void *data, uint64_t dlen, int64_t off,
    rumpuser_biodone_fn biodone, void *donearg);

/* Scatter/gather element, laid out like struct iovec. */
struct rumpuser_iovec {
	void *iov_base;
	uint64_t iov_len;
};

/*
 * rumpuser_iovread / rumpuser_iovwrite: synchronous read or write of the
 * buffers of iov (iovlen elements) at offset off of fd (off < 0: at the
 * current position, for streams).  *retv is the number of bytes moved.
 * Blocks; releases the CPU.
 */
int rumpuser_iovread(int fd, struct rumpuser_iovec *iov, uint64_t iovlen,
    int64_t off, uint64_t *retv);
int rumpuser_iovwrite(int fd, const struct rumpuser_iovec *iov,
    uint64_t iovlen, int64_t off, uint64_t *retv);

/* rumpuser_syncfd flags */
#define RUMPUSER_SYNCFD_READ    0x01
#define RUMPUSER_SYNCFD_WRITE   0x02 /* make written data stable */
#define RUMPUSER_SYNCFD_BARRIER 0x04 /* order writes before and after */
#define RUMPUSER_SYNCFD_SYNC    0x08 /* wait until done */

/* rumpuser_syncfd: flush fd as flags ask.  Blocks; releases the CPU. */
int rumpuser_syncfd(int fd, int flags, uint64_t start, uint64_t len);

/* ---------------------------------------------------------------------
 * Errors
 */

/*
 * rumpuser_seterrno: set the errno of the calling host thread to the
 * kernel errno value error, translated to the host's numbering.  Used by
 * the rump_sys_*() wrappers, which return -1 and set errno like libc.
 */
void rumpuser_seterrno(int error);

#ifdef __cplusplus
}
#endif

#endif /* RUMPUSER_H */
