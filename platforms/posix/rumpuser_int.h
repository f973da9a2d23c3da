/* rumpuser_int.h -- internals shared by the files of the POSIX librumpuser. */
#ifndef RUMPUSER_INT_H
#define RUMPUSER_INT_H

#include <pthread.h>
#include <stddef.h>

#include "rumpuser.h"

/*
 * Every global of librumpuser must start with "rumpuser_" (the kernel
 * archives rename everything else); internal ones use "rumpuser__".
 */

/* init.c */

/* The kernel's upcalls, copied at rumpuser_init(); all NULL before. */
extern struct rumpuser_hyperup rumpuser__hyp;

/*
 * Release / take the calling thread's virtual CPU around a host wait.
 * Before rumpuser_init() there is no kernel and so no CPU to release.
 */
static inline void
rumpuser__unschedule(void)
{
	if (rumpuser__hyp.hyp_unschedule != NULL)
		rumpuser__hyp.hyp_unschedule();
}

static inline void
rumpuser__schedule(void)
{
	if (rumpuser__hyp.hyp_schedule != NULL)
		rumpuser__hyp.hyp_schedule();
}

/*
 * rumpuser__fatal: report an impossible state (a host call that cannot
 * fail did, or the kernel broke a contract of rumpuser.h) and abort.
 * error is a host errno or 0.
 */
void rumpuser__fatal(const char *file, int line, const char *what, int error)
    __attribute__((__noreturn__));
#define RUMPUSER__FATAL(what, error) \
	rumpuser__fatal(__FILE__, __LINE__, (what), (error))

/* sync_mutex.c */

struct rumpuser_mtx {
	pthread_mutex_t pthmtx;
	/*
	 * The lwp holding it (NULL when free or held by an unbound thread).
	 * Written by the holder, read racily by rumpuser_mutex_owner(), so
	 * accessed with relaxed atomics.
	 */
	void *owner;
	int flags; /* RUMPUSER_MTX_* */
};

/* Bookkeeping right after taking / right before letting go of pthmtx. */
static inline void
rumpuser__mutex_taken(struct rumpuser_mtx *mtx, void *lwp)
{
	__atomic_store_n(&mtx->owner, lwp, __ATOMIC_RELAXED);
}

static inline void
rumpuser__mutex_releasing(struct rumpuser_mtx *mtx)
{
	__atomic_store_n(&mtx->owner, NULL, __ATOMIC_RELAXED);
}

/* curlwp.c */

/* The lwp bound to this thread; rumpuser_curlwp() is a plain read of it. */
extern __thread void *rumpuser__curlwp;

/* errno.c */

/* rumpuser__errtrans: host errno -> kernel (Linux x86_64) errno. */
int rumpuser__errtrans(int hosterror);
/* rumpuser__errno_to_host: kernel errno -> host errno. */
int rumpuser__errno_to_host(int kernelerror);

/* Time arguments: whether nsec is a valid nanosecond count (0..1e9-1). */
static inline int
rumpuser__nsec_valid(int64_t nsec)
{
	return nsec >= 0 && nsec < 1000000000;
}

/* Busy-wait hint for spin loops: lets the sibling hyperthread run. */
static inline void
rumpuser__cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
	__asm__ __volatile__("yield" ::: "memory");
#else
	__asm__ __volatile__("" ::: "memory");
#endif
}

#endif /* RUMPUSER_INT_H */
