/*
 * abi/signal.h -- Linux x86_64 signals as the kernel sees them: numbers,
 * the 64-bit kernel signal set, struct sigaction of rt_sigaction(2),
 * sigaltstack(2)'s stack_t, siginfo_t and struct sigevent.
 *
 * The kernel's sigset_t is 8 bytes; libc's is bigger (128 bytes in glibc
 * and musl), which is why the rt_* calls take a sigsetsize argument that
 * must be sizeof(sigset_t) here.
 */
#ifndef ABI_SIGNAL_H
#define ABI_SIGNAL_H

#include <kern/types.h>

#define SIGHUP          1
#define SIGINT          2
#define SIGQUIT         3
#define SIGILL          4
#define SIGTRAP         5
#define SIGABRT         6
#define SIGIOT          6
#define SIGBUS          7
#define SIGFPE          8
#define SIGKILL         9
#define SIGUSR1         10
#define SIGSEGV         11
#define SIGUSR2         12
#define SIGPIPE         13
#define SIGALRM         14
#define SIGTERM         15
#define SIGSTKFLT       16
#define SIGCHLD         17
#define SIGCONT         18
#define SIGSTOP         19
#define SIGTSTP         20
#define SIGTTIN         21
#define SIGTTOU         22
#define SIGURG          23
#define SIGXCPU         24
#define SIGXFSZ         25
#define SIGVTALRM       26
#define SIGPROF         27
#define SIGWINCH        28
#define SIGIO           29
#define SIGPOLL         SIGIO
#define SIGPWR          30
#define SIGSYS          31
#define SIGUNUSED       31

/* Real-time signals; libcs reserve the first few for themselves. */
#define SIGRTMIN        32
#define SIGRTMAX        64
/* The highest signal number: valid signals are 1 .. SIGNAL_MAX. */
#define SIGNAL_MAX      64

/* One bit per signal: bit (sig - 1). */
typedef unsigned long sigset_t;

#define SIGMASK(sig)    (1UL << ((sig) - 1))

/* rt_sigprocmask(2) how. */
#define SIG_BLOCK       0
#define SIG_UNBLOCK     1
#define SIG_SETMASK     2

/* Handler types and the special handler values. */
typedef void (*sighandler_t)(int);
typedef void (*sigrestore_t)(void);

#define SIG_DFL         ((sighandler_t)0)
#define SIG_IGN         ((sighandler_t)1)
#define SIG_ERR         ((sighandler_t)-1)

/* sa_flags. */
#define SA_NOCLDSTOP    0x00000001
#define SA_NOCLDWAIT    0x00000002
#define SA_SIGINFO      0x00000004
#define SA_UNSUPPORTED  0x00000400
#define SA_EXPOSE_TAGBITS 0x00000800
#define SA_RESTORER     0x04000000      /* x86: sa_restorer is valid */
#define SA_ONSTACK      0x08000000
#define SA_RESTART      0x10000000
#define SA_NODEFER      0x40000000
#define SA_RESETHAND    0x80000000
#define SA_NOMASK       SA_NODEFER
#define SA_ONESHOT      SA_RESETHAND

/*
 * struct sigaction as rt_sigaction(2) reads and writes it on x86_64: the
 * mask comes last so that it can grow.  Not libc's struct sigaction.
 */
struct sigaction {
	sighandler_t sa_handler;        /* or a sa_sigaction with SA_SIGINFO */
	unsigned long sa_flags;
	sigrestore_t sa_restorer;       /* libc's trampoline calling rt_sigreturn */
	sigset_t sa_mask;
};

/* sigaltstack(2). */
typedef struct sigaltstack {
	void *ss_sp;
	int32_t ss_flags;
	size_t ss_size;
} stack_t;

#define SS_ONSTACK      1
#define SS_DISABLE      2
#define SS_AUTODISARM   (1U << 31)
#define MINSIGSTKSZ     2048
#define SIGSTKSZ        8192

/* A value passed with a queued signal. */
union sigval {
	int32_t sival_int;
	void *sival_ptr;
};

/*
 * siginfo_t: 128 bytes.  Three ints, then (8-aligned, at offset 16) a
 * union whose member depends on the signal and si_code.  The si_* names
 * below reach into the right member, as on Linux.
 */
typedef struct siginfo {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;
	int32_t si_pad0;
	union {
		int32_t pad[28];
		struct {                /* kill(2), sigqueue, SIGCHLD */
			pid_t pid;
			uid_t uid;
			union {
				union sigval value;     /* sigqueue */
				struct {                /* SIGCHLD */
					int32_t status;
					int32_t pad;
					long utime;
					long stime;
				} child;
			} u;
		} proc;
		struct {                /* POSIX timers */
			int32_t tid;
			int32_t overrun;
			union sigval value;
			int32_t sys_private;
		} timer;
		struct {                /* SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP */
			void *addr;
			int16_t addr_lsb;
		} fault;
		struct {                /* SIGPOLL */
			long band;
			int32_t fd;
		} poll;
		struct {                /* SIGSYS */
			void *call_addr;
			int32_t syscall;
			uint32_t arch;
		} sys;
	} si_fields;
} siginfo_t;

#define si_pid          si_fields.proc.pid
#define si_uid          si_fields.proc.uid
#define si_value        si_fields.proc.u.value
#define si_int          si_fields.proc.u.value.sival_int
#define si_ptr          si_fields.proc.u.value.sival_ptr
#define si_status       si_fields.proc.u.child.status
#define si_utime        si_fields.proc.u.child.utime
#define si_stime        si_fields.proc.u.child.stime
#define si_tid          si_fields.timer.tid
#define si_overrun      si_fields.timer.overrun
#define si_addr         si_fields.fault.addr
#define si_addr_lsb     si_fields.fault.addr_lsb
#define si_band         si_fields.poll.band
#define si_fd           si_fields.poll.fd
#define si_call_addr    si_fields.sys.call_addr
#define si_syscall      si_fields.sys.syscall
#define si_arch         si_fields.sys.arch

/* si_code: who sent it (<= 0: a process). */
#define SI_USER         0
#define SI_KERNEL       0x80
#define SI_QUEUE        -1
#define SI_TIMER        -2
#define SI_MESGQ        -3
#define SI_ASYNCIO      -4
#define SI_SIGIO        -5
#define SI_TKILL        -6

/* si_code for SIGCHLD. */
#define CLD_EXITED      1
#define CLD_KILLED      2
#define CLD_DUMPED      3
#define CLD_TRAPPED     4
#define CLD_STOPPED     5
#define CLD_CONTINUED   6

/* si_code for SIGSEGV and SIGBUS. */
#define SEGV_MAPERR     1
#define SEGV_ACCERR     2
#define BUS_ADRALN      1
#define BUS_ADRERR      2
#define BUS_OBJERR      3

/* si_code for SIGPOLL. */
#define POLL_IN         1
#define POLL_OUT        2
#define POLL_MSG        3
#define POLL_ERR        4
#define POLL_PRI        5
#define POLL_HUP        6

/* struct sigevent (timer_create(2), mq_notify(3)): 64 bytes. */
struct sigevent {
	union sigval sigev_value;
	int32_t sigev_signo;
	int32_t sigev_notify;   /* SIGEV_* */
	union {
		int32_t pad[12];
		int32_t tid;    /* SIGEV_THREAD_ID */
		struct {
			void (*function)(union sigval);
			void *attribute;
		} thread;       /* SIGEV_THREAD: for libc only */
	} sigev_un;
};

#define sigev_notify_thread_id  sigev_un.tid

#define SIGEV_SIGNAL    0
#define SIGEV_NONE      1
#define SIGEV_THREAD    2
#define SIGEV_THREAD_ID 4

#endif /* ABI_SIGNAL_H */
