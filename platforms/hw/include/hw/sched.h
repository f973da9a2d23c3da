/*
 * hw/sched.h -- threads and the cooperative scheduler of the hw platform.
 *
 * A thread runs until it blocks, yields or exits; interrupts only record
 * events, and the per-CPU idle thread turns them into wake-ups.  Every
 * piece of scheduler state hangs off struct rumphw_cpu, found through
 * rumphw_curcpu(), so that more CPUs can be added later (each with its
 * own run queue, timers and idle thread; the wait queues would then need
 * a lock).
 */
#ifndef HW_SCHED_H
#define HW_SCHED_H

#include "hw/arch.h"
#include "hw/types.h"

struct rumphw_thread;

/* A FIFO of threads (run queue, wait queue). */
struct rumphw_tq {
	struct rumphw_thread *head, *tail;
};

enum rumphw_tstate {
	THR_RUNNING,  /* on a CPU */
	THR_RUNNABLE, /* on a run queue */
	THR_BLOCKED,  /* on a wait queue and/or the timer list */
	THR_ZOMBIE    /* exited, stack still in use until switched away */
};

struct rumphw_thread {
	struct rumphw_md_ctx ctx;
	char name[24];
	enum rumphw_tstate state;
	struct rumphw_cpu *cpu;

	/* Queue membership: run queue or one wait queue. */
	struct rumphw_thread *q_next, *q_prev;
	struct rumphw_tq *q;

	/* Timeout: sorted per-CPU list, deadline in monotonic ns. */
	struct rumphw_thread *t_next, *t_prev;
	uint64_t deadline;
	bool on_timers, timedout;

	void *(*fn)(void *);
	void *arg;
	char *stackbase; /* guard page, then the stack */
	size_t stackpages;

	uintptr_t tls;   /* FS base */
	void *lwp;       /* rumpuser_curlwp() */
	int error;       /* rumpuser_seterrno() */

	bool joinable, done;
	struct rumphw_tq joiners;
	struct rumphw_thread *all_next; /* list of all threads */
};

struct rumphw_cpu {
	struct rumphw_cpu *self; /* first: rumphw_curcpu() reads it */
	struct rumphw_thread *curthread;
	unsigned id;
	struct rumphw_tq runq;
	struct rumphw_thread *timers;   /* sorted by deadline */
	struct rumphw_thread *prev;     /* switched away from, to finish */
	struct rumphw_thread idle;      /* runs on the boot stack */
	struct rumphw_md_cpu md;
};

extern struct rumphw_cpu rumphw_cpu0;

/* Default stack sizes (bytes, excluding the guard page). */
#define RUMPHW_STACK_DEFAULT (64 * 1024)
#define RUMPHW_STACK_MAIN (256 * 1024)
#define RUMPHW_STACK_MIN (16 * 1024)

static inline struct rumphw_thread *rumphw_curthread(void)
{
	return rumphw_curcpu()->curthread;
}

/* rumphw_sched_init: make the running boot context CPU 0's idle thread. */
void rumphw_sched_init(void);

/*
 * rumphw_thread_create: a new runnable thread running fn(arg) on a stack
 * of stacksize bytes (0: default) above an unmapped guard page.  Returns
 * 0 and *tp, or ENOMEM.
 */
int rumphw_thread_create(const char *name, void *(*fn)(void *), void *arg,
    size_t stacksize, bool joinable, struct rumphw_thread **tp);
/* rumphw_thread_exit: end the calling thread. */
void rumphw_thread_exit(void) __attribute__((__noreturn__));
/* rumphw_thread_join: wait for a joinable thread to end, then free it. */
void rumphw_thread_join(struct rumphw_thread *t);

void rumphw_tq_init(struct rumphw_tq *q);
/*
 * rumphw_sched_block: sleep on q (may be NULL) until woken, or until the
 * monotonic time deadline (0: none).  Returns true if woken, false on
 * timeout.  Never call with the virtual CPU held unless the lock allows.
 */
bool rumphw_sched_block(struct rumphw_tq *q, uint64_t deadline);
/* rumphw_sched_wake: make a blocked thread runnable. */
void rumphw_sched_wake(struct rumphw_thread *t);
/* Wake the first / all threads of q; returns how many. */
int rumphw_tq_wakeone(struct rumphw_tq *q);
int rumphw_tq_wakeall(struct rumphw_tq *q);
/* rumphw_sched_yield: let other runnable threads run first. */
void rumphw_sched_yield(void);
/* rumphw_sched_idle: the idle loop of this CPU.  Never returns. */
void rumphw_sched_idle(void) __attribute__((__noreturn__));
/* rumphw_sched_dump: list all threads on the console (for panics). */
void rumphw_sched_dump(void);

/* mutex.c: whether the calling thread holds m (for cv.c). */
struct rumpuser_mtx;
bool rumphw_mutex_held(struct rumpuser_mtx *m);

#endif /* HW_SCHED_H */
