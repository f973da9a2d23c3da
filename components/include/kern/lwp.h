/*
 * kern/lwp.h -- processes, lwps (kernel thread contexts) and virtual
 * CPUs (components/kern/lwp.c, proc.c, sched.c, kthread.c).
 *
 * A host thread runs kernel code only while it holds one of the
 * RUMP_NCPU virtual CPUs and is bound to an lwp.  Entry points take a CPU
 * with rump_schedule() and give it back with rump_unschedule(); hypercalls
 * that block give it back while they wait.  A host thread entering
 * without an lwp of its own gets an implicit lwp of the default process
 * (pid 1), kept until the host thread exits.
 */
#ifndef KERN_LWP_H
#define KERN_LWP_H

#include <kern/types.h>
#include <kern/lock.h>
#include <abi/signal.h>
#include <abi/resource.h>

#define MAXCPUS 64
#define MAXCOMLEN 16
#define CRED_NGROUPS 32 /* groups a process may have; Linux allows more */

struct lwp;
struct proc;

struct cpu_info {
	struct lwp *ci_curlwp; /* the lwp running on it; NULL: free */
	int ci_index;
} __aligned(64);

/* Credentials of a process (Linux: per thread; musl keeps them equal). */
struct cred {
	uid_t cr_uid, cr_euid, cr_suid, cr_fsuid;
	gid_t cr_gid, cr_egid, cr_sgid, cr_fsgid;
	int cr_ngroups;
	gid_t cr_groups[CRED_NGROUPS];
};

#define LW_IMPLICIT 0x01 /* made for a host thread that entered without one */
#define LW_SYSTEM   0x02 /* kernel thread */
#define LW_WEXIT    0x04 /* exiting: interruptible waits end */
#define LW_BOUND    0x08 /* bound to a host thread right now */
#define LW_JOINABLE 0x10 /* kthread: freed by kthread_join */
#define LW_CLONED   0x20 /* a program thread made by rump_clone_thread */

struct lwp {
	struct proc *l_proc;
	struct cpu_info *l_cpu;     /* CPU held in the kernel, else NULL */
	struct cpu_info *l_lastcpu; /* where to try first */
	pid_t l_tid;
	int l_flags;
	int l_hypwait;              /* gave its CPU up in a hypercall */
	char l_name[MAXCOMLEN];

	/* Signals (components/sys); protected by l_proc->p_lock. */
	sigset_t l_sigmask;
	sigset_t l_sigpend;
	sigset_t l_sigwaited;       /* rt_sigtimedwait: awaited signals it
	                             * had blocked (Linux's real_blocked) */
	kcondvar_t *l_sleepcv;      /* interruptible wait in progress on */

	void *l_clear_child_tid;    /* set_tid_address / CLONE_CHILD_CLEARTID */
	void *l_robust_list;
	uint64_t l_syscalls;        /* system calls made (getrusage) */
	int64_t l_stime_ns;         /* time spent inside the kernel */
	void *l_hostthread;         /* kthread: host thread cookie */
	struct lwp *l_next;         /* in l_proc->p_lwps */
};

#define PK_EXITING 0x01 /* exit in progress: no new lwps */
#define PK_SYSTEM  0x02 /* the kernel's own process (pid 0) */
#define PK_HALTONEXIT 0x04 /* its exit halts the kernel (an image's program) */

struct filedesc;
struct cwdinfo;
struct sigacts;
struct vmspace;

struct proc {
	pid_t p_pid;
	pid_t p_pgid;
	pid_t p_sid;
	struct proc *p_pptr;        /* parent; NULL for pid 0 and 1 */
	int p_flags;
	int p_refcnt;               /* references besides lwps */
	int p_nlwps;
	struct lwp *p_lwps;
	kmutex_t p_lock;
	char p_comm[MAXCOMLEN];
	int p_xstat;                /* exit status, wait(2) encoding */

	struct cred p_cred;
	struct rlimit p_rlimit[RLIM_NLIMITS];
	mode_t p_umask;

	/* Owned by components; set up by their proc hooks. */
	struct filedesc *p_fd;      /* components/sys: descriptors */
	struct cwdinfo *p_cwdi;     /* components/vfs: cwd and root */
	struct sigacts *p_sigacts;  /* components/sys: signal actions */
	struct vmspace *p_vmspace;  /* components/sys: mappings, brk */

	/*
	 * A process whose caller lives in another address space (a
	 * rump_server client) moves its data through these instead of
	 * memcpy; NULL for local callers.  Not inherited by fork.
	 */
	const struct copyops *p_copyops;
	void *p_copyarg;

	struct proc *p_next;        /* all processes */
};

/*
 * copyops: how copyin/copyout/copyinstr (components/sys/copy.c) reach
 * a remote caller's memory.  Same contracts as those functions; arg is
 * p_copyarg.  Called holding a CPU.
 */
struct copyops {
	int (*co_copyin)(void *arg, const void *uaddr, void *kaddr, size_t len);
	int (*co_copyout)(void *arg, const void *kaddr, void *uaddr,
	    size_t len);
	int (*co_copyinstr)(void *arg, const void *uaddr, char *kaddr,
	    size_t len, size_t *donep);
};

/* curlwp: the lwp of the calling host thread (NULL outside the kernel). */
struct lwp *curlwp(void);
/* curproc: the process of curlwp(); only inside the kernel. */
#define curproc (curlwp()->l_proc)
/* curcpu: the virtual CPU the caller holds. */
#define curcpu() (curlwp()->l_cpu)

extern struct proc proc0;       /* the kernel's own process, pid 0 */
extern int ncpu;                /* virtual CPUs configured (RUMP_NCPU) */
extern struct cpu_info cpu_infos[MAXCPUS];

/*
 * Process hooks: components that keep per-process state register one.
 * ph_fork sets child's state up from parent's (parent may be NULL for a
 * fresh process; flags are the rump_lwproc_rfork / clone flags); returns
 * 0 or -errno, which undoes the fork.  ph_exit tears it down when the last
 * lwp of p has gone; it runs in the context of the exiting thread.
 */
struct proc_hooks {
	const char *ph_name;
	int (*ph_fork)(struct proc *parent, struct proc *child, int flags);
	void (*ph_exit)(struct proc *p);
	/* ph_lwpexit (may be NULL): l, curlwp, is leaving the kernel for good. */
	void (*ph_lwpexit)(struct lwp *l);
	struct proc_hooks *ph_next; /* private */
};
void proc_hooks_register(struct proc_hooks *ph);

/* Flags for proc_create (same values as rump_lwproc_rfork's). */
#define PROC_RFFDG  0x01 /* copy the parent's descriptor table */
#define PROC_RFCFDG 0x02 /* start with no descriptors */

/*
 * proc_create: make a process as a copy of parent (credentials, limits,
 * umask and whatever the hooks copy) with one lwp, which is returned
 * unbound in *lp.  Returns 0 or -errno (-ENOMEM, -EAGAIN).
 */
int proc_create(struct proc *parent, int flags, struct lwp **lp);
/*
 * proc_find: the process with pid, with a reference (proc_rele), or NULL.
 */
struct proc *proc_find(pid_t pid);
void proc_rele(struct proc *p);
/* proc_foreach: call fn for each process until it returns non-zero. */
int proc_foreach(int (*fn)(struct proc *, void *), void *arg);
/* proc_default: the process implicit lwps belong to (pid 1). */
struct proc *proc_default(void);

/*
 * lwp_create: a new lwp in p (tid allocated), unbound; 0 or -errno.
 * -EAGAIN if p is exiting.
 */
int lwp_create(struct proc *p, int flags, struct lwp **lp);
/*
 * lwp_exit: curlwp leaves the kernel for good: it is unbound from its
 * host thread, its CPU given back, and freed; if it was the last lwp of
 * its process, the process exits (hooks run, parent notified).  Called
 * with a CPU held; returns without one.
 */
void lwp_exit(void);
/*
 * lwp_discard: undo lwp_create for an lwp that never ran (unlinked from
 * its process and freed; the process does not exit even if it was its
 * last lwp).
 */
void lwp_discard(struct lwp *l);
/* lwp_bind / lwp_unbind: attach l to / detach it from the calling thread. */
void lwp_bind(struct lwp *l);
void lwp_unbind(struct lwp *l);
/* lwp_find: an lwp of p by tid (p_lock held), or NULL. */
struct lwp *lwp_find(struct proc *p, pid_t tid);
/*
 * lwp_wakeup_intr: end an interruptible wait (cv_wait_sig ...) l is in,
 * so it sees a pending signal.  Caller holds l->l_proc->p_lock.
 */
void lwp_wakeup_intr(struct lwp *l);
/* lwp_intr_pending: true if curlwp has an unblocked signal or is exiting. */
bool lwp_intr_pending(struct lwp *l);

/*
 * kthread_create: start a kernel thread running fn(arg) as an lwp of
 * proc0, holding a CPU.  fn returns to end the thread.  joinable threads
 * give *lp for kthread_join.
 */
int kthread_create(void (*fn)(void *), void *arg, const char *name,
    bool joinable, struct lwp **lp);
int kthread_join(struct lwp *l);

/* Scheduling: take and give back a virtual CPU (components/kern/sched.c). */
void rump_schedule(void);
void rump_unschedule(void);
/* sched_yield_cpu: give the CPU to a waiting thread, if there is one. */
void sched_yield_cpu(void);

#endif /* KERN_LWP_H */
