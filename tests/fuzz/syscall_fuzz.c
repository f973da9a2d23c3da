/* syscall_fuzz.c -- a bounded, seeded system call fuzzer for the hosted
 * kernel: random system call numbers and arguments (boundary values,
 * real and bad descriptors, buffers, impossible pointers, random flags)
 * must give a result or an error, never a crash, a hang or a leak.
 *
 *   syscall_fuzz TABLE      TABLE: components/sys/syscalls_x86_64.tbl
 *   FUZZ_CALLS=N  (default 1000000)   FUZZ_SEED=S  (replay a run)
 *   FUZZ_VERBOSE=1  print every call before making it
 *
 * The argument kinds come from the table's declarations: an argument
 * with a `*` is a pointer, others are classed by name (fd, pid, sig,
 * lengths, anything else).  Hosted, the kernel shares the address space
 * of this process: it can only refuse pointers that are impossible
 * (NULL page, non-canonical); a possible but unmapped one would fault
 * here.  So a pointer is either impossible, with any length, or one of
 * our own buffers, and then every length of the call fits the buffer.
 * Buffers hold only words that are safe as pointers or lengths too
 * (iovecs, robust lists, msghdrs are read out of them).
 *
 * The calls run in a child process with its own descriptors, so exit,
 * fatal signals and chroot only end or change that child; a new one is
 * made with fresh objects.  A repeating SIGALRM (a handler of ours, kept
 * installed and unblocked) cuts every blocking call short, as in
 * tests/sys/test_hostile.c.  A watchdog thread aborts with the seed and
 * the call if nothing progresses for 10 seconds: that is a hang.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define MAXNR     464
#define NBUF      16
#define BUFSZ     (256 * 1024)   /* every length we pass is <= LENMAX */
#define LENMAX    (64 * 1024)
#define BATCH     10000          /* calls between invariant checks */
#define GENCALLS  50000          /* calls before a fresh child */
#define HANG_SECS 10

#define SIGALRM_  14
#define AT_FDCWD_ (-100)

enum aclass { A_INT, A_PTR, A_FD, A_PID, A_SIG, A_LEN };

struct call {
	char name[64];
	int nargs;
	unsigned char cls[6];
	int impl;
};

static struct call calls[MAXNR];
static int impl_nrs[MAXNR], nimpl;

/* xorshift64*: small, seedable, the same on every host. */
static uint64_t rng;

static uint64_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static unsigned
rndn(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static void reset_paths(void);

/* The buffers the current call was given (see restore_buffers). */
static int touched_buf[6], ntouched_buf;
static int touched_path;

/* Impossible user pointers: the NULL page and the non-canonical half.
 * (-1 is impossible as a pointer, but never a word inside a buffer:
 * added to a buffer's address as an offset it would not be.) */
static const long impossible[] = {
	0, 8, 4095, (long)0xffff800000001000UL, (long)0xffff80007fffffffUL,
	(long)0x8000000000000000UL, (long)0x0000800000000000UL, -1, LONG_MAX,
};

static const long boundary[] = {
	0, 1, 2, -1, -2, INT32_MAX, INT32_MIN, (long)UINT32_MAX, LONG_MAX,
	LONG_MIN, 1L << 31, 1L << 32, 4096, 4095, 4097, 65535, 65536,
	0x7fffffffffffL, 255, 256, 1023, 1024,
};
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static char *bufs[NBUF];
static char *pristine[NBUF]; /* what each buffer holds before a call */
static char *maskbuf;     /* a sigset that never blocks SIGALRM */
static char *sigactbuf;   /* a sigaction whose handler is DFL or IGN */
static char *psel6buf;    /* pselect6's { sigset pointer, size } */
static char *robustbuf;   /* a robust futex list: walked at exit */

/* Paths: our scratch tree and relative names inside it; never /dev or
 * /inv (where the invariant lives), so the fuzzer cannot remove what
 * the checks and the next child need. */
static const char *const path_pool[] = {
	"", "/", ".", "..", "/fz", "/fz/a", "/fz/b", "/fz/d", "/fz/d/x",
	"/fz/mnt", "/fz/lnk", "a", "b", "d", "d/x", "lnk", "mnt", "c",
	"/fz/a/", "//fz///b", "/nonexistent/x", "/fz/fifo", "fifo",
	"/fz/../fz/./d", "tmpfs", "ext2", "/fz/a/x",
};
static char *paths[NELEM(path_pool) + 2];
static size_t npaths;

/* The child's real objects. */
static long fds[32];
static int nfds_;
static long self_pid, self_tid;

static struct lwp *parent_lwp;
static struct lwp *child_lwp;

/* For the watchdog and the report. */
static volatile unsigned long progress;
static unsigned long ncall;
static long cur_nr, cur_a[6];
static uint64_t seed;

static unsigned long deaths, nerrors, nok;
static int verbose;       /* FUZZ_VERBOSE: each call before it is made */
static volatile int alarms;

static void
on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};

static void
die(const char *what)
{
	fprintf(stderr, "syscall_fuzz: FAIL: %s (seed %" PRIu64
	    ", call %lu: nr %ld (%s) args %lx %lx %lx %lx %lx %lx)\n",
	    what, seed, ncall, cur_nr,
	    cur_nr >= 0 && cur_nr < MAXNR && calls[cur_nr].name[0] ?
	    calls[cur_nr].name : "?", cur_a[0], cur_a[1], cur_a[2],
	    cur_a[3], cur_a[4], cur_a[5]);
	abort();
}

static void *
watchdog(void *arg)
{
	unsigned long last = ~0UL;
	int still = 0;

	(void)arg;
	for (;;) {
		sleep(1);
		if (progress != last) {
			last = progress;
			still = 0;
		} else if (++still >= HANG_SECS) {
			die("hang: no progress for 10 s");
		}
	}
	return NULL;
}

/* Class an argument that is not a pointer by its name in the table. */
static enum aclass
classify(const char *decl)
{
	static const char *const lens[] = {
		"len", "length", "count", "size", "nfds", "iovcnt",
		"maxevents", "addrlen", "bufsiz", "optlen", "nbytes",
		"old_size", "new_size", "buflen", "sigsetsize", "sizemask",
	};
	static const char *const ptrs[] = {
		"arg", "arg2", "arg3", "arg4", "arg5", "addr",
	};
	static const char *const pids[] = {
		"pid", "tid", "tgid", "who", "pgid", "id",
	};
	const char *name;
	size_t i;

	if (strchr(decl, '*') != NULL)
		return A_PTR;
	name = strrchr(decl, ' ');
	name = name != NULL ? name + 1 : decl;
	for (i = 0; i < NELEM(lens); i++)
		if (strcmp(name, lens[i]) == 0)
			return A_LEN;
	/* Integers that some commands take as pointers (fcntl F_GETLK,
	 * prctl PR_GET_NAME, arch_prctl ARCH_GET_FS). */
	for (i = 0; i < NELEM(ptrs); i++)
		if (strcmp(name, ptrs[i]) == 0)
			return A_PTR;
	for (i = 0; i < NELEM(pids); i++)
		if (strcmp(name, pids[i]) == 0)
			return A_PID;
	if (strcmp(name, "sig") == 0)
		return A_SIG;
	if (strstr(name, "fd") != NULL)
		return A_FD;
	return A_INT;
}

static void
load_table(const char *file)
{
	char line[512];
	FILE *f = fopen(file, "r");

	if (f == NULL) {
		perror(file);
		exit(2);
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char name[64], status[128], ret[32], handler[64];
		int nr, off = 0;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%d %63s %127s %31s %63s %n", &nr, name, status,
		    ret, handler, &off) < 5 || nr < 0 || nr >= MAXNR)
			continue;
		struct call *c = &calls[nr];
		snprintf(c->name, sizeof(c->name), "%s", name);
		c->impl = strcmp(status, "enosys") != 0;
		char *args = line + off;
		args[strcspn(args, "\n")] = '\0';
		if (strcmp(args, "void") != 0) {
			for (char *p = strtok(args, ","); p != NULL && c->nargs < 6;
			    p = strtok(NULL, ",")) {
				while (*p == ' ')
					p++;
				char *e = p + strlen(p);
				while (e > p && e[-1] == ' ')
					*--e = '\0';
				c->cls[c->nargs++] = (unsigned char)classify(p);
			}
		}
		if (c->impl)
			impl_nrs[nimpl++] = nr;
	}
	fclose(f);
	if (nimpl == 0) {
		fprintf(stderr, "syscall_fuzz: no calls in %s\n", file);
		exit(2);
	}
}

/* A word that is safe wherever the kernel reads it from a buffer: as a
 * pointer it is impossible or one of our buffers, as a length or offset
 * it is small (a buffer's address plus it stays inside the buffer). */
static uint64_t
safe_word(void)
{
	switch (rndn(8)) {
	case 0: case 1:
		return 0;
	case 2: case 3:
		return rndn(4096);
	case 4:
		return (uint64_t)bufs[rndn(NBUF)];
	case 5:
		return 0xffff800000001000ULL + rndn(4096);
	case 6:
		return 0x8000000000000000ULL;
	default:
		/* A random low 32-bit half (ints, flags, fds) under an
		 * impossible high half that no buffer address plus it
		 * wraps around. */
		return 0xffff800000000000ULL | (rnd() & 0xffffffff);
	}
}

static void
fill_buffer(int n)
{
	char *b = pristine[n];
	int mode = (int)rndn(4);

	if (mode == 0) {
		memset(b, 0, LENMAX);
	} else if (mode == 1) {
		/* A string: paths, names, mount data. */
		const char *s = paths[rndn((unsigned)npaths)];
		memset(b, 0, LENMAX);
		memcpy(b, s, strlen(s));
	} else {
		/* Only the start: that is all any call reads with a length
		 * up to LENMAX, except arrays of pointers. */
		for (size_t i = 0; i < LENMAX / 8; i++)
			((uint64_t *)b)[i] = safe_word();
	}
	memcpy(bufs[n], b, LENMAX);
}

static long
len_value(void)
{
	static const long lens[] = {
		0, 1, 2, 3, 4, 7, 8, 12, 16, 24, 32, 64, 128, 256, 4095, 4096,
		4097, 8192, LENMAX - 1, LENMAX,
	};

	if (rndn(3) == 0)
		return rndn(LENMAX + 1);
	return lens[rndn(NELEM(lens))];
}

static long
int_value(int fits)
{
	switch (rndn(6)) {
	case 0: case 1:
		return rndn(64);
	case 2:
		return fits ? len_value() : boundary[rndn(NELEM(boundary))];
	case 3:
		/* Random flags: a few random bits. */
		return (long)(rnd() & rnd() & rnd()) & 0xffffffff;
	case 4:
		return fits ? rndn(LENMAX + 1) : (long)rnd();
	default:
		return boundary[rndn(NELEM(boundary))];
	}
}

static long
fd_value(void)
{
	static const long bad[] = {
		-1, -2, AT_FDCWD_, 1023, 1024, 4096, INT32_MAX, INT32_MIN,
		(long)1 << 32, 0, 1, 2,
	};

	if (nfds_ > 0 && rndn(4) != 0)
		return fds[rndn((unsigned)nfds_)];
	if (rndn(2) == 0)
		return rndn(40);       /* whatever the calls have opened */
	return bad[rndn(NELEM(bad))];
}

/* Never -1, 1 or the parent's pid: a signal must reach only the child
 * (which is the leader of its own session and group). */
static long
pid_value(void)
{
	switch (rndn(7)) {
	case 0: return 0;
	case 1: return self_pid;
	case 2: return self_tid;
	case 3: return -self_pid;
	case 4: return 99999;
	case 5: return INT32_MIN;
	default: return rndn(2) ? INT32_MAX : -99999;
	}
}

static long
ptr_value(int *isbuf)
{
	if (rndn(3) == 0)
		return impossible[rndn(NELEM(impossible))];
	*isbuf = 1;
	if (rndn(4) == 0) {
		touched_path = 1;
		return (long)paths[rndn((unsigned)npaths)];
	}
	int i = (int)rndn(NBUF);
	if (rndn(32) == 0)
		fill_buffer(i);
	touched_buf[ntouched_buf++] = i;
	return (long)bufs[i];
}

static int
is_valid_ptr(long v)
{
	return v >= 4096 && (unsigned long)v < 0x0000800000000000UL;
}

/* A robust list head and up to three entries in robustbuf: next
 * pointers to entries, the head or impossible addresses; a small offset
 * to the futex word; a pending entry or none. */
static char *
fill_robust(void)
{
	uint64_t *w = (uint64_t *)robustbuf;
	int n = (int)rndn(4);

	memset(robustbuf, 0, 4096);
	/* head: { next, futex_offset, list_op_pending } */
	w[0] = n ? (uint64_t)(robustbuf + 64) : (uint64_t)robustbuf;
	w[1] = rndn(4) ? 16 : rndn(64);
	w[2] = rndn(2) ? 0 : (uint64_t)(robustbuf + 64 * (1 + rndn(3)));
	for (int i = 1; i <= n; i++) {
		uint64_t *e = (uint64_t *)(robustbuf + 64 * i);
		e[0] = i < n ? (uint64_t)(robustbuf + 64 * (i + 1)) :
		    rndn(4) ? (uint64_t)robustbuf :
		    (uint64_t)impossible[rndn(NELEM(impossible))];
		/* The futex word: sometimes our tid, as a held lock. */
		e[2] = rndn(2) ? (uint64_t)self_tid : rnd();
	}
	return robustbuf;
}

static const char *const umount_targets[] = {
	"/fz/mnt", "/fz", "/", "", "/nonexistent", "mnt",
};

/* The few calls whose arguments would hurt the harness, not the kernel:
 * a handler address would be called, a mask could hold off the alarm
 * that ends every wait, a mount or unmount could hide the scratch tree
 * or /dev from the next child. */
static void
neuter(long nr, long *a)
{
	switch (nr) {
	case SYS_rt_sigaction:
		if (a[0] == SIGALRM_)
			a[1] = 0;
		else if (is_valid_ptr(a[1]))
			a[1] = (long)sigactbuf;
		((uint64_t *)sigactbuf)[0] = rndn(2);   /* SIG_DFL, SIG_IGN */
		((uint64_t *)sigactbuf)[1] = rnd() & 0xffffffff;
		((uint64_t *)sigactbuf)[2] = 0;
		((uint64_t *)sigactbuf)[3] = rnd();
		break;
	case SYS_rt_sigsuspend:
		if (is_valid_ptr(a[0]))
			a[0] = (long)maskbuf;
		break;
	case SYS_ppoll:
		if (is_valid_ptr(a[3]))
			a[3] = (long)maskbuf;
		break;
	case SYS_epoll_pwait:
	case SYS_epoll_pwait2:
		if (is_valid_ptr(a[4]))
			a[4] = (long)maskbuf;
		break;
	case SYS_pselect6:
		if (is_valid_ptr(a[5])) {
			((uint64_t *)psel6buf)[0] = rndn(4) ? (uint64_t)maskbuf :
			    (uint64_t)impossible[rndn(NELEM(impossible))];
			((uint64_t *)psel6buf)[1] = rndn(2) ? 8 : rndn(200);
			a[5] = (long)psel6buf;
		}
		break;
	case SYS_set_robust_list:
		/* Read at exit, when no restore_buffers() protects it:
		 * entries and futex words all inside robustbuf. */
		if (is_valid_ptr(a[0]))
			a[0] = (long)fill_robust();
		break;
	case SYS_mount:
		if (is_valid_ptr(a[1]))
			a[1] = (long)"/fz/mnt";
		if (rndn(2) && is_valid_ptr(a[2]))
			a[2] = (long)(rndn(2) ? "tmpfs" : "ext2");
		break;
	case SYS_umount2:
		if (is_valid_ptr(a[0]))
			a[0] = (long)umount_targets[rndn(NELEM(umount_targets))];
		break;
	case SYS_exit:
	case SYS_exit_group:
		/* Rarely: each costs a new child and its objects. */
		if (rndn(16) != 0)
			cur_nr = nr = SYS_getpid;
		break;
	}
	/* Keep the mask free of SIGALRM wherever it is used. */
	((uint64_t *)maskbuf)[0] &= ~(1ULL << (SIGALRM_ - 1));
}

static long
sc(long nr, long a1, long a2, long a3, long a4)
{
	return rump_syscall(nr, a1, a2, a3, a4, 0, 0);
}

/* Our own handler, unblocked, and the 2 ms timer that ends each wait. */
static void
arm_alarm(void)
{
	static struct ksigaction sa = { on_alarm, 0, NULL, 0 };
	static const struct { long iv_s, iv_us, v_s, v_us; } it = {
		0, 2000, 0, 2000,
	};
	uint64_t none = 0;

	sc(SYS_rt_sigaction, SIGALRM_, (long)&sa, 0, 8);
	sc(SYS_rt_sigprocmask, 2 /* SIG_SETMASK */, (long)&none, 0, 8);
	sc(SYS_setitimer, 0, (long)&it, 0, 0);
}

static void
add_fd(long fd)
{
	if (fd >= 0 && nfds_ < (int)NELEM(fds))
		fds[nfds_++] = fd;
}

/* The calls may have written over the paths: put them back. */
static void
reset_paths(void)
{
	size_t i;

	for (i = 0; i < NELEM(path_pool); i++) {
		memset(paths[i], 0, 4096);
		strcpy(paths[i], path_pool[i]);
	}
	/* Too long for a name, and too long for a path. */
	memset(paths[i], 'n', 299);
	memset(paths[i] + 299, 0, 4096);
	i++;
	memset(paths[i], '/', 4999);
	memset(paths[i] + 4999, 0, 4096);
}

/*
 * The kernel writes what it likes into the buffers we pass (random
 * bytes from /dev/urandom, file data), and a later call, or the robust
 * list walk at exit, would read those bytes as pointers.  So after each
 * call the buffers it was given get their safe contents back.
 */
static void
restore_buffers(void)
{
	for (int k = 0; k < ntouched_buf; k++)
		memcpy(bufs[touched_buf[k]], pristine[touched_buf[k]], LENMAX);
	ntouched_buf = 0;
	if (touched_path) {
		for (size_t i = 0; i < npaths; i++)
			memset(paths[i] + 4096, 0, LENMAX - 4096);
		reset_paths();
		touched_path = 0;
	}
}

/* A fresh child of the parent with real objects to hit. */
static void
new_child(void)
{
	int pfd[2], sv[2];

	/* The dead child's clear_child_tid wrote into a buffer. */
	for (int i = 0; i < NBUF; i++)
		memcpy(bufs[i], pristine[i], LENMAX);
	reset_paths();
	rump_lwproc_switch(parent_lwp);
	/* Reap the children that died; their pids must not pile up. */
	while (rump_syscall(SYS_wait4, -1, 0, 1 /* WNOHANG */, 0, 0, 0) > 0)
		continue;
	/* Put the scratch tree back as the next child expects it. */
	sc(SYS_umount2, (long)"/fz/mnt", 2 /* MNT_DETACH */, 0, 0);
	sc(SYS_mkdir, (long)"/fz", 0777, 0, 0);
	sc(SYS_mkdir, (long)"/fz/d", 0777, 0, 0);
	sc(SYS_mkdir, (long)"/fz/mnt", 0777, 0, 0);
	sc(SYS_truncate, (long)"/fz/a", 0, 0, 0);
	sc(SYS_truncate, (long)"/fz/b", 0, 0, 0);
	if (rump_lwproc_rfork(RUMP_RFCFDG) != 0)
		die("rump_lwproc_rfork failed");
	child_lwp = rump_lwproc_curlwp();
	self_pid = sc(SYS_setsid, 0, 0, 0, 0);
	self_pid = sc(SYS_getpid, 0, 0, 0, 0);
	self_tid = sc(SYS_gettid, 0, 0, 0, 0);
	if (verbose)
		fprintf(stderr, "new child: pid %ld pgid %ld\n", self_pid,
		    sc(SYS_getpgid, 0, 0, 0, 0));
	sc(SYS_chdir, (long)"/fz", 0, 0, 0);
	nfds_ = 0;
	add_fd(sc(SYS_open, (long)"/fz/a", 0102 /* O_RDWR|O_CREAT */, 0644, 0));
	add_fd(sc(SYS_open, (long)"/fz/b", 02102 /* +O_APPEND */, 0600, 0));
	add_fd(sc(SYS_open, (long)"/fz/d", 0200000 /* O_DIRECTORY */, 0, 0));
	add_fd(sc(SYS_open, (long)"/", 010000000 /* O_PATH */, 0, 0));
	add_fd(sc(SYS_open, (long)"/dev/null", 2, 0, 0));
	add_fd(sc(SYS_open, (long)"/dev/zero", 2, 0, 0));
	add_fd(sc(SYS_open, (long)"/dev/full", 2, 0, 0));
	add_fd(sc(SYS_open, (long)"/dev/urandom", 0, 0, 0));
	if (sc(SYS_pipe2, (long)pfd, 04000 /* O_NONBLOCK */, 0, 0) == 0) {
		add_fd(pfd[0]);
		add_fd(pfd[1]);
	}
	if (sc(SYS_pipe2, (long)pfd, 0, 0, 0) == 0) {
		add_fd(pfd[0]);
		add_fd(pfd[1]);
	}
	add_fd(sc(SYS_eventfd2, 3, 04000, 0, 0));
	add_fd(sc(SYS_epoll_create1, 0, 0, 0, 0));
	add_fd(sc(SYS_timerfd_create, 1 /* MONOTONIC */, 04000, 0, 0));
	add_fd(sc(SYS_memfd_create, (long)"fz", 0, 0, 0));
	if (sc(SYS_socketpair, 1 /* AF_UNIX */, 1 /* STREAM */, 0,
	    (long)sv) == 0) {
		add_fd(sv[0]);
		add_fd(sv[1]);
	}
	add_fd(sc(SYS_socket, 2 /* AF_INET */, 2 /* DGRAM */, 0, 0));
	add_fd(sc(SYS_socket, 2 /* AF_INET */, 1 /* STREAM */, 0, 0));
	if (nfds_ > 2) {
		/* Something in the epoll set, something in the pipes. */
		uint32_t ev[3] = { 1 /* EPOLLIN */, 0, 0 };
		sc(SYS_epoll_ctl, fds[nfds_ > 12 ? 11 : 0], 1, fds[0], (long)ev);
		sc(SYS_write, fds[0], (long)"fuzz", 4, 0);
	}
	arm_alarm();
}

/* Did the child end (exit, a fatal signal)? */
static int
child_gone(void)
{
	return rump_lwproc_curlwp() != child_lwp ||
	    sc(SYS_getpid, 0, 0, 0, 0) != self_pid;
}

static const char known[] = "known content";

/* From the parent: the kernel still works and the file we keep reads
 * back.  Leaves the parent's lwp bound. */
static void
check_invariants(void)
{
	char b[64];
	long fd, n;

	rump_lwproc_switch(parent_lwp);
	if (sc(SYS_getpid, 0, 0, 0, 0) <= 0)
		die("invariant: getpid failed");
	fd = sc(SYS_open, (long)"/inv/known", 0, 0, 0);
	if (fd < 0)
		die("invariant: /inv/known does not open");
	n = sc(SYS_read, fd, (long)b, sizeof(b), 0);
	sc(SYS_close, fd, 0, 0, 0);
	if (n != (long)strlen(known) || memcmp(b, known, (size_t)n) != 0)
		die("invariant: /inv/known does not read back");
}

static void
setup_parent(void)
{
	long fd;

	if (rump_lwproc_rfork(RUMP_RFCFDG) != 0)
		die("rump_lwproc_rfork (parent)");
	parent_lwp = rump_lwproc_curlwp();
	sc(SYS_mkdir, (long)"/inv", 0755, 0, 0);
	fd = sc(SYS_open, (long)"/inv/known", 01102 /* CREAT|TRUNC|RDWR */,
	    0644, 0);
	if (fd < 0 || sc(SYS_write, fd, (long)known, strlen(known), 0) !=
	    (long)strlen(known))
		die("cannot write /inv/known");
	sc(SYS_close, fd, 0, 0, 0);
	sc(SYS_mkdir, (long)"/fz", 0777, 0, 0);
}

static void
one_call(void)
{
	long nr, a[6];
	int isbuf = 0;

	if (rndn(4) == 0)
		nr = rndn(461);
	else
		nr = impl_nrs[rndn((unsigned)nimpl)];
	const struct call *c = &calls[nr];
	int nargs = c->name[0] ? c->nargs : 6;

	/* Pointers first: whether a buffer is passed decides which
	 * lengths are allowed. */
	for (int i = 0; i < 6; i++) {
		a[i] = 0;
		if (i >= nargs)
			continue;
		if (!c->name[0] || c->cls[i] == A_PTR)
			a[i] = ptr_value(&isbuf);
	}
	for (int i = 0; i < nargs; i++) {
		switch (c->name[0] ? c->cls[i] : A_PTR) {
		case A_PTR:
			break;
		case A_FD:
			a[i] = fd_value();
			break;
		case A_PID:
			a[i] = pid_value();
			break;
		case A_SIG:
			a[i] = rndn(8) ? rndn(66) : boundary[rndn(NELEM(boundary))];
			break;
		case A_LEN:
			a[i] = isbuf || rndn(2) ? len_value() :
			    boundary[rndn(NELEM(boundary))];
			break;
		default:
			a[i] = int_value(isbuf);
			break;
		}
	}
	cur_nr = nr;
	neuter(nr, a);
	nr = cur_nr;
	memcpy(cur_a, a, sizeof(cur_a));
	if (verbose)
		fprintf(stderr, "%lu: %ld %s %lx %lx %lx %lx %lx %lx\n", ncall,
		    nr, c->name, a[0], a[1], a[2], a[3], a[4], a[5]);

	long r = rump_syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	restore_buffers();
	if (r < -4095)
		die("result below -4095");
	if (r < 0)
		nerrors++;
	else
		nok++;
	if (child_gone()) {
		deaths++;
		new_child();
		return;
	}
	/* A call may have moved the alarm's signal, mask or timer. */
	switch (nr) {
	case SYS_rt_sigaction: case SYS_rt_sigprocmask:
	case SYS_setitimer: case SYS_alarm: case SYS_rt_sigreturn:
		arm_alarm();
		break;
	}
}

int
main(int argc, char **argv)
{
	unsigned long n = 1000000;
	const char *s;
	pthread_t wd;
	struct timespec t0, t1;

	if (argc != 2) {
		fprintf(stderr, "usage: syscall_fuzz SYSCALL-TABLE\n");
		return 2;
	}
	load_table(argv[1]);
	verbose = getenv("FUZZ_VERBOSE") != NULL;
	if ((s = getenv("FUZZ_CALLS")) != NULL)
		n = strtoul(s, NULL, 0);
	if ((s = getenv("FUZZ_SEED")) != NULL)
		seed = strtoull(s, NULL, 0);
	else
		seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	if (seed == 0)
		seed = 1;
	rng = seed;
	printf("syscall_fuzz: seed %" PRIu64 " (FUZZ_SEED to replay), %lu calls,"
	    " %d implemented\n", seed, n, nimpl);
	fflush(stdout);

	/* Each path and buffer is BUFSZ long, as any length fits it. */
	npaths = NELEM(path_pool) + 2;
	for (size_t i = 0; i < npaths; i++)
		if ((paths[i] = calloc(1, BUFSZ)) == NULL)
			die("out of memory");
	for (int i = 0; i < NBUF; i++)
		if ((bufs[i] = calloc(1, BUFSZ)) == NULL ||
		    (pristine[i] = calloc(1, LENMAX)) == NULL)
			die("out of memory");
	reset_paths();
	for (int i = 0; i < NBUF; i++)
		fill_buffer(i);
	maskbuf = calloc(1, BUFSZ);
	sigactbuf = calloc(1, BUFSZ);
	psel6buf = calloc(1, BUFSZ);
	robustbuf = calloc(1, BUFSZ);
	if (maskbuf == NULL || sigactbuf == NULL || psel6buf == NULL ||
	    robustbuf == NULL)
		die("out of memory");
	((uint64_t *)maskbuf)[0] = rnd();

	if (rump_init() != 0)
		die("rump_init failed");
	setup_parent();
	new_child();
	pthread_create(&wd, NULL, watchdog, NULL);
	pthread_detach(wd);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (ncall = 0; ncall < n; ncall++) {
		if (ncall % 64 == 0)
			((uint64_t *)maskbuf)[0] = rnd();
		one_call();
		progress++;
		if ((ncall + 1) % BATCH == 0) {
			check_invariants();
			rump_lwproc_switch(child_lwp);
		}
		if ((ncall + 1) % GENCALLS == 0) {
			/* Let the child go: its exit releases everything. */
			rump_lwproc_releaselwp();
			new_child();
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

	/* Release everything we made; LeakSanitizer judges the rest. */
	rump_lwproc_releaselwp();
	rump_lwproc_switch(parent_lwp);
	while (rump_syscall(SYS_wait4, -1, 0, 1, 0, 0, 0) > 0)
		continue;
	check_invariants();
	rump_lwproc_releaselwp();
	printf("syscall_fuzz: ok: %lu calls in %.1f s (%.0f/s), %lu results, "
	    "%lu errors, %lu child deaths, %d alarms, seed %" PRIu64 "\n",
	    n, secs, secs > 0 ? (double)n / secs : 0.0, nok, nerrors, deaths,
	    alarms, seed);
	return 0;
}
