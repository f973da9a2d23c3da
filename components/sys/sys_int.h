/*
 * sys_int.h -- interfaces between the files of the system call layer
 * (components/sys) only, grouped by the file that defines them.
 */
#ifndef SYS_INT_H
#define SYS_INT_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/time.h>

#include "syscall_handlers.h"

/* vm_mmap.c: program memory (p_vmspace). */
/* vm_init: register the vmspace proc hooks. */
void vm_init(void);
/* vm_procinit: a vmspace for a process made before the hooks; 0/-errno. */
int vm_procinit(struct proc *p);

/* fd.c: the descriptor table of a process (p_fd). */
#define FDT_CLOEXEC 0x01        /* per descriptor: close on exec */

struct fdent {
	struct file *fe_file;   /* NULL: free */
	int fe_flags;           /* FDT_* */
};

struct filedesc {
	kmutex_t fd_lock;
	int fd_refcnt;          /* processes sharing it (CLONE_FILES) */
	int fd_nfiles;          /* slots in fd_ofiles */
	int fd_freehint;        /* no free slot below this */
	struct fdent *fd_ofiles;
};

void fd_init(void);
/* fdtab_create: an empty table for p (p->p_fd must be NULL). */
int fdtab_create(struct proc *p);
/* fd_nofile: the RLIMIT_NOFILE soft limit of curproc, capped. */
int fd_nofile(void);
/*
 * fd_dup2: install f at exactly fd, closing what was there; returns fd
 * or -errno (-EBADF: fd beyond the limit).
 */
int fd_dup2(struct file *f, int fd, bool cloexec);
/* fd_getflags / fd_setflags: FDT_* of fd; -EBADF if not open. */
int fd_getflags(int fd);
int fd_setflags(int fd, int flags);
/* fd_alloc2: two descriptors for two files (pipe2), both or neither. */
int fd_alloc2(struct file *f0, struct file *f1, bool cloexec, int fds[2]);
/* fd_closeexec: close the descriptors marked close-on-exec. */
void fd_closeexec(void);

/* file.c */
/* file_gone_hook: set by epoll.c; file_rele calls it as a watched file
 * dies (f_epitems != NULL), before fo_close. */
extern void (*file_gone_hook)(struct file *f);

/* copy.c */
/* uaddr_ok: true if [uaddr, uaddr+len) may be a caller's buffer. */
bool uaddr_ok(const void *uaddr, size_t len);
/*
 * iov_import: copy in the caller's iovec array (iovcnt 0..UIO_MAXIOV,
 * total length at most SSIZE_MAX) into *iovp (the stack array fast if
 * large enough, else allocated: free with iov_free) and set up uio.
 */
int iov_import(const struct iovec *uiov, int iovcnt, struct iovec *fast,
    struct iovec **iovp, struct uio *uio, int rw);
void iov_free(struct iovec *iov, struct iovec *fast, int iovcnt);

/* select.c: poll waits. */
struct pollwait {
	/* pw_wake: called with sel_lock held when a selinfo notifies. */
	void (*pw_wake)(struct pollwait *pw, int events);
	struct selwaiter *pw_regs; /* registrations, under sel_lock */
	kmutex_t pw_lock;         /* for the poll/select waiter */
	kcondvar_t pw_cv;
	int pw_woken;             /* generation, under pw_lock */
	void *pw_arg;             /* the owner's (epoll item) */
};
void sel_init(void);
/* pollwait_init: a waiter that cv-wakes its thread (poll, select). */
void pollwait_init(struct pollwait *pw);
/* pollwait_init_cb: a waiter whose notifications call wake(pw, events). */
void pollwait_init_cb(struct pollwait *pw,
    void (*wake)(struct pollwait *, int), void *arg);
/* pollwait_clear: drop every registration of pw. */
void pollwait_clear(struct pollwait *pw);
void pollwait_destroy(struct pollwait *pw);
/*
 * pollwait_sleep: wait until pw's generation differs from gen, the
 * deadline (monotonic ns, < 0: none) passes (-ETIMEDOUT) or a signal
 * arrives (-EINTR).
 */
int pollwait_sleep(struct pollwait *pw, int gen, int64_t deadline);
int pollwait_gen(struct pollwait *pw);
/*
 * selnotify_locked: selnotify with sel_lock held, for wake callbacks
 * that notify in turn (an epoll set watched by another); they guard
 * against cycles themselves.
 */
void selnotify_locked(struct selinfo *si, int events);

/* sig.c: signals. */
/*
 * Per-process state of the signal calls, and of the few other calls of
 * this layer that keep some (nice value, interval timer), under p_lock.
 */
struct sigacts {
	struct sigaction sa_act[SIGNAL_MAX];
	int sa_dying;           /* exit_group or a fatal signal began */
	uint64_t sa_sigpipes;   /* SIGPIPEs not delivered (default action) */
	int sa_nice;            /* -20 .. 19 */
	struct itimer *sa_itimer; /* ITIMER_REAL, made on first use */
	struct sigq *sa_queue;  /* siginfo of pending signals, oldest first */
	int sa_nqueued;         /* records in sa_queue (RLIMIT_SIGPENDING) */
};
void sig_init(void);
/* sig_sel: notified (outside p_lock) whenever a signal is made pending. */
extern struct selinfo sig_sel;
/*
 * sig_post: make sig pending for p (an lwp of it, or tid if > 0), as
 * raised by the kernel (SI_KERNEL).
 */
int sig_post(struct proc *p, pid_t tid, int sig);
/*
 * sig_post_info: the same with the sender's siginfo (si_signo is the
 * signal); -EAGAIN: a queued real-time signal over RLIMIT_SIGPENDING.
 */
int sig_post_info(struct proc *p, pid_t tid, const siginfo_t *info);
/*
 * sig_send_self: sig for the calling thread as the kernel raises it on
 * a failed call (SIGPIPE, SIGXFSZ): SI_USER from the process itself, as
 * Linux's send_sig() does.
 */
int sig_send_self(int sig);
/*
 * sig_deliver: run the actions of l's (curlwp's) pending unblocked
 * signals: handlers are called without a CPU.  Called and returns
 * without a CPU.  If the process is being killed and may_exit, the lwp
 * exits here (SIGD_EXITED; l is gone); otherwise that is left to the
 * caller (LW_WEXIT).  SIGD_NORESTART: a handler without SA_RESTART ran.
 */
#define SIGD_EXITED 0x1
#define SIGD_NORESTART 0x2
int sig_deliver(struct lwp *l, bool may_exit);

/*
 * ERESTARTSYS: returned by a system call that a signal interrupted
 * before it did anything; rump_syscall runs the handlers and calls it
 * again if they all have SA_RESTART, else the caller sees EINTR.  Never
 * leaves the kernel.  Linux's internal value.
 */
#define ERESTARTSYS 512
/* sig_procinit: give child signal state, inherited from parent if any. */
int sig_procinit(struct proc *parent, struct proc *child);
/*
 * sig_exec: what execve does to signals: caught signals go back to
 * their default action, ignored ones stay ignored, masks and pending
 * signals are kept.  (For the exec implementation; p_lock not held.)
 */
void sig_exec(struct proc *p);
/*
 * sig_mask_swap / sig_mask_restore: the temporary signal mask of ppoll,
 * pselect6 and epoll_pwait (the caller's uset, sigsetsize 8).  Signals
 * that arrive while it is in force are acted on after the old mask is
 * back; one the old mask blocks stays pending.
 */
int sig_mask_swap(const sigset_t *uset, size_t sigsetsize, sigset_t *oldp);
void sig_mask_restore(sigset_t old);
/*
 * sig_write_error: raise sig (SIGPIPE, SIGXFSZ) for the calling thread
 * after a failed write: to a handler, pending if blocked; the default
 * action only for an image's program (hosted it is counted).
 */
void sig_write_error(int sig);

/* sigqueue.c: the siginfo of pending signals (all under p_lock). */
struct sigq {
	struct sigq *sq_next;
	pid_t sq_tid;           /* the lwp it is pending for */
	siginfo_t sq_info;
};
/*
 * sigq_post: make info->si_signo pending for l with its siginfo, using
 * *spare (allocated before p_lock was taken; set to NULL if used).
 * 0: pending; 1: a standard signal already pending (coalesced);
 * -EAGAIN: a real-time signal with a caller's siginfo over the
 * RLIMIT_SIGPENDING limit.
 */
int sigq_post(struct proc *p, struct lwp *l, const siginfo_t *info,
    struct sigq **spare);
/*
 * sigq_take: take l's lowest pending signal of mask with its siginfo
 * (clearing its pending bit when no other instance is queued); returns
 * the signal, 0 if none.
 */
int sigq_take(struct proc *p, struct lwp *l, sigset_t mask, siginfo_t *info);
/* sigq_drop: forget the records of sig (0: all) for lwp tid (0: all). */
void sigq_drop(struct proc *p, int sig, pid_t tid);
/* sigq_info_user: a siginfo sent by curproc (p_lock not held). */
void sigq_info_user(siginfo_t *info, int sig, int code);

/* sys_proc.c */
/* proc_kill_locked: end every lwp of p; xstat its wait status (p_lock). */
void proc_kill_locked(struct proc *p, int xstat);

/* sys_misc.c */
void misc_init(void);

/* sys_time.c */
/* ts_import: a caller's timespec to ns; -EFAULT, or -EINVAL if malformed. */
int ts_import(const struct timespec *uts, int64_t *nsp);
/* clock_read: the time of clock id in ns; -EINVAL for unknown ids. */
int clock_read(clockid_t id, int64_t *nsp);
/* deadline_from: the monotonic deadline of a relative timeout. */
int64_t deadline_from(int64_t rel_ns);

/* itimer.c */
/* itimer_destroy: stop and free p's interval timer (process exit). */
void itimer_destroy(struct proc *p);

/* proc_wait.c */
void wait_init(void);

/* pipe.c */
int pipe_create(struct file **rf, struct file **wf, int flags);

/* epoll.c */
void epoll_init(void);

/* futex.c */
void futex_init(void);
/* futex_wake_addr: wake up to n waiters on uaddr (CLEARTID on exit). */
int futex_wake_addr(void *uaddr, int n);
/* futex_robust_exit: release l's robust futexes (set_robust_list). */
void futex_robust_exit(struct lwp *l);

/* syscall.c */
void syscall_init(void);

#endif /* SYS_INT_H */
