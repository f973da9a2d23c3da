/*
 * rumpshim.h -- run a conformance case against a hosted rump kernel.
 *
 * Built with `-include rumpshim.h -DCONF_RUMP`, the unchanged case calls
 * rump_sys_<name>() instead of the host's system calls: every function
 * the cases use is renamed by a function-like macro to a shim_<name>()
 * with libc's signature and conventions (-1 and errno; getcwd returns a
 * pointer; clock_nanosleep returns the error).  The macros take effect
 * after the libc headers (conf_libc.h) are read, and only where a name
 * is followed by '(' , so `struct stat` stays the host's type, whose
 * layout is the kernel's on Linux x86_64.
 *
 * Functions libc builds from several system calls (opendir, fopen,
 * mkdtemp, eventfd_read, gethostname...) are not renamed: cases must not
 * use them, except gethostname, shimmed here over uname.
 *
 * A constructor boots the kernel and opens /dev/null three times so
 * descriptors 0, 1 and 2 are taken as in a native process.
 */
#ifndef CONF_RUMPSHIM_H
#define CONF_RUMPSHIM_H

#ifndef CONF_RUMP
#define CONF_RUMP 1
#endif

#include "conf_libc.h"

#include <pthread.h>
#include <rump/rump.h>
#include <rump/rump_syscalls.h>

/*
 * shim_raw: rump_syscall() with libc's convention, for calls that have
 * no typed rump_sys_<name>() (the kernel does not implement them yet:
 * they fail with ENOSYS, which is what the case should then see).
 */
static inline long
shim_raw(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long r = rump_syscall(nr, a1, a2, a3, a4, a5, a6);

	if (r < 0 && r >= -4095) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

static int shim_pid;

/*
 * Threads the program starts run as lwps of its rump process, as they
 * would be threads of its process natively.
 */
struct shim_start {
	void *(*fn)(void *);
	void *arg;
};

static void *
shim_thread(void *v)
{
	struct shim_start s = *(struct shim_start *)v;
	void *r;

	free(v);
	if (rump_lwproc_newlwp(shim_pid) != 0) {
		fprintf(stderr, "FAIL rumpshim.h: newlwp in pid %d\n", shim_pid);
		exit(1);
	}
	r = s.fn(s.arg);
	rump_lwproc_releaselwp();
	return r;
}

static inline int
shim_pthread_create(pthread_t *t, const pthread_attr_t *attr,
    void *(*fn)(void *), void *arg)
{
	struct shim_start *s = malloc(sizeof(*s));
	int error;

	if (s == NULL)
		return EAGAIN;
	s->fn = fn;
	s->arg = arg;
	error = pthread_create(t, attr, shim_thread, s);
	if (error != 0)
		free(s);
	return error;
}
#define pthread_create shim_pthread_create

__attribute__((constructor)) static void
shim_boot(void)
{
	int error, fd, i;

	error = rump_init();
	if (error != 0) {
		fprintf(stderr, "FAIL rumpshim.h: rump_init: %s\n", strerror(error));
		exit(1);
	}
	/*
	 * A process of its own, as the program has natively: its first lwp's
	 * id is the pid (gettid() == getpid() in main), and threads join it
	 * (shim_pthread_create).
	 */
	error = rump_lwproc_newproc();
	if (error != 0) {
		fprintf(stderr, "FAIL rumpshim.h: newproc: %s\n", strerror(error));
		exit(1);
	}
	shim_pid = rump_lwproc_getpid(rump_lwproc_curlwp());
	for (i = 0; i < 3; i++) {
		fd = rump_sys_open("/dev/null", O_RDWR, 0);
		if (fd != i) {
			fprintf(stderr, "FAIL rumpshim.h: open /dev/null as fd %d "
			    "gave %d (%s)\n", i, fd, fd == -1 ? strerror(errno) : "");
			exit(1);
		}
	}
}

/* Descriptors and file I/O. */
static inline int
shim_open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | __O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return rump_sys_open(path, flags, mode);
}
#define open(...) shim_open(__VA_ARGS__)

static inline int
shim_openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & (O_CREAT | __O_TMPFILE)) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return rump_sys_openat(dirfd, path, flags, mode);
}
#define openat(...) shim_openat(__VA_ARGS__)

#define creat(p, m) rump_sys_creat(p, m)
#define close(fd) rump_sys_close(fd)
#define read(fd, b, n) rump_sys_read(fd, b, n)
#define write(fd, b, n) rump_sys_write(fd, b, n)
#define pread(fd, b, n, o) rump_sys_pread64(fd, b, n, o)
#define pwrite(fd, b, n, o) rump_sys_pwrite64(fd, b, n, o)
#define readv(fd, v, n) rump_sys_readv(fd, v, n)
#define writev(fd, v, n) rump_sys_writev(fd, v, n)
#define preadv(fd, v, n, o) rump_sys_preadv(fd, v, n, (unsigned long)(o), 0)
#define pwritev(fd, v, n, o) rump_sys_pwritev(fd, v, n, (unsigned long)(o), 0)
#define lseek(fd, o, w) rump_sys_lseek(fd, o, w)
#define dup(fd) rump_sys_dup(fd)
#define dup2(a, b) rump_sys_dup2(a, b)
#define dup3(a, b, f) rump_sys_dup3(a, b, f)
#define pipe(fds) rump_sys_pipe(fds)
#define pipe2(fds, f) rump_sys_pipe2(fds, f)
#define fsync(fd) rump_sys_fsync(fd)
#define fdatasync(fd) rump_sys_fdatasync(fd)
#define sync() rump_sys_sync()
#define flock(fd, op) rump_sys_flock(fd, op)
#define ftruncate(fd, l) rump_sys_ftruncate(fd, l)
#define truncate(p, l) rump_sys_truncate(p, l)
#define fallocate(fd, m, o, l) rump_sys_fallocate(fd, m, o, l)
#define sendfile(o, i, off, n) rump_sys_sendfile(o, i, off, n)
#define copy_file_range(i, io, o, oo, n, f) \
	rump_sys_copy_file_range(i, io, o, oo, n, f)
#define close_range(a, b, f) \
	((int)shim_raw(RUMP_SYS_CLOSE_RANGE, (long)(a), (long)(b), (long)(f), 0, 0, 0))

static inline int
shim_fcntl(int fd, int cmd, ...)
{
	unsigned long arg;
	va_list ap;

	/* As libc: the third argument is read whether or not cmd uses it. */
	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return rump_sys_fcntl(fd, cmd, arg);
}
#define fcntl(...) shim_fcntl(__VA_ARGS__)

static inline int
shim_ioctl(int fd, unsigned long req, ...)
{
	void *arg;
	va_list ap;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	return rump_sys_ioctl(fd, req, arg);
}
#define ioctl(...) shim_ioctl(__VA_ARGS__)
/* net-config: sockets for the interface requests (net_ifioctl_*) */
#define socket(d, t, p) rump_sys_socket(d, t, p)
/* tcp: the socket calls of the net_tcp_* cases */
#define bind(s, a, l) rump_sys_bind(s, a, l)
#define listen(s, b) rump_sys_listen(s, b)
#define accept(s, a, l) rump_sys_accept(s, a, l)
#define accept4(s, a, l, f) rump_sys_accept4(s, a, l, f)
#define connect(s, a, l) rump_sys_connect(s, a, l)
#define shutdown(s, h) rump_sys_shutdown(s, h)
#define getsockname(s, a, l) rump_sys_getsockname(s, a, l)
#define getpeername(s, a, l) rump_sys_getpeername(s, a, l)
#define setsockopt(s, lv, n, v, l) rump_sys_setsockopt(s, lv, n, v, l)
#define getsockopt(s, lv, n, v, l) rump_sys_getsockopt(s, lv, n, v, l)
#define send(s, b, n, f) rump_sys_sendto(s, b, n, f, NULL, 0)
#define recv(s, b, n, f) rump_sys_recvfrom(s, b, n, f, NULL, NULL)
/* net-icmp: datagrams with addresses (net_ping_*) */
#define sendto(s, b, n, f, a, l) rump_sys_sendto(s, b, n, f, a, l)
#define recvfrom(s, b, n, f, a, l) rump_sys_recvfrom(s, b, n, f, a, l)

/* Files, directories and links. */
#define stat(p, s) rump_sys_stat(p, s)
#define fstat(fd, s) rump_sys_fstat(fd, s)
#define lstat(p, s) rump_sys_lstat(p, s)
#define fstatat(d, p, s, f) rump_sys_newfstatat(d, p, s, f)
#define statx(d, p, f, m, s) rump_sys_statx(d, p, f, m, s)
#define statfs(p, s) rump_sys_statfs(p, s)
#define fstatfs(fd, s) rump_sys_fstatfs(fd, s)
#define access(p, m) rump_sys_access(p, m)
#define faccessat(d, p, m, f) rump_sys_faccessat2(d, p, m, f)
#define mkdir(p, m) rump_sys_mkdir(p, m)
#define mkdirat(d, p, m) rump_sys_mkdirat(d, p, m)
#define rmdir(p) rump_sys_rmdir(p)
#define unlink(p) rump_sys_unlink(p)
#define unlinkat(d, p, f) rump_sys_unlinkat(d, p, f)
#define rename(a, b) rump_sys_rename(a, b)
#define renameat(da, a, db, b) rump_sys_renameat(da, a, db, b)
#define renameat2(da, a, db, b, f) rump_sys_renameat2(da, a, db, b, f)
#define link(a, b) rump_sys_link(a, b)
#define linkat(da, a, db, b, f) rump_sys_linkat(da, a, db, b, f)
#define symlink(t, l) rump_sys_symlink(t, l)
#define symlinkat(t, d, l) rump_sys_symlinkat(t, d, l)
#define readlink(p, b, n) rump_sys_readlink(p, b, n)
#define readlinkat(d, p, b, n) rump_sys_readlinkat(d, p, b, n)
#define chmod(p, m) rump_sys_chmod(p, m)
#define fchmod(fd, m) rump_sys_fchmod(fd, m)
#define chown(p, u, g) rump_sys_chown(p, u, g)
#define fchown(fd, u, g) rump_sys_fchown(fd, u, g)
#define lchown(p, u, g) rump_sys_lchown(p, u, g)
#define fchownat(d, p, u, g, f) rump_sys_fchownat(d, p, u, g, f)
#define umask(m) rump_sys_umask(m)
#define mknod(p, m, d) rump_sys_mknod(p, m, (unsigned int)(d))
#define mknodat(fd, p, m, d) rump_sys_mknodat(fd, p, m, (unsigned int)(d))
#define utimensat(d, p, t, f) rump_sys_utimensat(d, p, t, f)
#define futimens(fd, t) rump_sys_utimensat(fd, NULL, t, 0)
#define chdir(p) rump_sys_chdir(p)
#define fchdir(fd) rump_sys_fchdir(fd)
#define getdents64(fd, b, n) \
	rump_sys_getdents64(fd, (struct linux_dirent64 *)(void *)(b), n)

static inline int
shim_fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	/* The system call has no flags; libc emulates them. */
	if (flags != 0) {
		errno = EOPNOTSUPP;
		return -1;
	}
	return rump_sys_fchmodat(dirfd, path, mode);
}
#define fchmodat(d, p, m, f) shim_fchmodat(d, p, m, f)

static inline char *
shim_getcwd(char *buf, size_t size)
{
	/* The system call returns the length, libc the buffer. */
	return rump_sys_getcwd(buf, size) == -1 ? NULL : buf;
}
#define getcwd(b, n) shim_getcwd(b, n)

/* Readiness. */
#define poll(f, n, t) rump_sys_poll(f, (unsigned int)(n), t)
#define select(n, r, w, e, t) rump_sys_select(n, r, w, e, t)

static inline int
shim_ppoll(struct pollfd *fds, nfds_t n, const struct timespec *tmo,
    const sigset_t *mask)
{
	/* The kernel's sigset_t is 8 bytes, the start of libc's. */
	return rump_sys_ppoll(fds, (unsigned int)n, (struct timespec *)tmo,
	    (const void *)mask, 8);
}
#define ppoll(f, n, t, m) shim_ppoll(f, n, t, m)

#define epoll_create(n) \
	((int)shim_raw(RUMP_SYS_EPOLL_CREATE, (long)(n), 0, 0, 0, 0, 0))
#define epoll_create1(f) rump_sys_epoll_create1(f)
#define epoll_ctl(e, o, fd, ev) rump_sys_epoll_ctl(e, o, fd, ev)
#define epoll_wait(e, ev, n, t) rump_sys_epoll_wait(e, ev, n, t)
#define epoll_pwait(e, ev, n, t, m) \
	rump_sys_epoll_pwait(e, ev, n, t, (const void *)(m), 8)
#define eventfd(v, f) rump_sys_eventfd2(v, f)

/* Processes, credentials, limits. */
#define getpid() rump_sys_getpid()
#define getppid() rump_sys_getppid()
#define gettid() rump_sys_gettid()
#define getuid() rump_sys_getuid()
#define geteuid() rump_sys_geteuid()
#define getgid() rump_sys_getgid()
#define getegid() rump_sys_getegid()
#define setuid(u) rump_sys_setuid(u)
#define setgid(g) rump_sys_setgid(g)
#define setreuid(r, e) rump_sys_setreuid(r, e)
#define setregid(r, e) rump_sys_setregid(r, e)
#define setresuid(r, e, s) rump_sys_setresuid(r, e, s)
#define setresgid(r, e, s) rump_sys_setresgid(r, e, s)
#define getresuid(r, e, s) rump_sys_getresuid(r, e, s)
#define getresgid(r, e, s) rump_sys_getresgid(r, e, s)
#define getgroups(n, l) rump_sys_getgroups(n, l)
#define setgroups(n, l) rump_sys_setgroups((int)(n), l)
#define getpgrp() rump_sys_getpgrp()
#define getsid(p) rump_sys_getsid(p)
#define getrlimit(r, l) rump_sys_getrlimit(r, l)
#define setrlimit(r, l) rump_sys_setrlimit(r, l)
#define prlimit(p, r, n, o) \
	rump_sys_prlimit64(p, r, (const struct rlimit64 *)(const void *)(n), \
	    (struct rlimit64 *)(void *)(o))
#define getrusage(w, u) rump_sys_getrusage(w, u)
#define uname(u) rump_sys_uname(u)
#define sethostname(n, l) rump_sys_sethostname(n, l)
#define sysinfo(i) rump_sys_sysinfo(i)
#define sched_yield() rump_sys_sched_yield()
#define prctl(o, a, b, c, d) \
	rump_sys_prctl(o, (unsigned long)(a), (unsigned long)(b), \
	    (unsigned long)(c), (unsigned long)(d))
#define getrandom(b, n, f) rump_sys_getrandom(b, n, f)

static inline int
shim_gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (rump_sys_uname(&u) == -1)
		return -1;
	n = strlen(u.nodename) + 1;
	if (n > len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n);
	return 0;
}
#define gethostname(n, l) shim_gethostname(n, l)

/* Time. */
#define clock_gettime(c, t) rump_sys_clock_gettime(c, t)
#define clock_getres(c, t) rump_sys_clock_getres(c, t)
#define gettimeofday(t, z) rump_sys_gettimeofday(t, z)
#define nanosleep(r, m) rump_sys_nanosleep(r, m)

static inline int
shim_clock_nanosleep(clockid_t c, int flags, const struct timespec *req,
    struct timespec *rem)
{
	/* libc returns the error instead of setting errno. */
	return rump_sys_clock_nanosleep(c, flags, req, rem) == -1 ? errno : 0;
}
#define clock_nanosleep(c, f, r, m) shim_clock_nanosleep(c, f, r, m)

/*
 * Calls reached through rump_syscall() by number: new or partial in the
 * kernel's table, so a typed rump_sys_<name>() may not exist yet.  An
 * unimplemented one fails with ENOSYS, which its case then reports.
 */
#define SHIM_RAW(nr, a, b, c, d, e, f) \
	shim_raw(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), (long)(f))
#define kill(p, s) ((int)SHIM_RAW(RUMP_SYS_KILL, p, s, 0, 0, 0, 0))
#define sigprocmask(h, s, o) \
	((int)SHIM_RAW(RUMP_SYS_RT_SIGPROCMASK, h, s, o, 8, 0, 0))
#define signalfd(fd, m, f) ((int)SHIM_RAW(RUMP_SYS_SIGNALFD4, fd, m, 8, f, 0, 0))
#define setsid() ((pid_t)SHIM_RAW(RUMP_SYS_SETSID, 0, 0, 0, 0, 0, 0))
#define times(b) ((clock_t)SHIM_RAW(RUMP_SYS_TIMES, b, 0, 0, 0, 0, 0))
#define time(t) ((time_t)SHIM_RAW(RUMP_SYS_TIME, t, 0, 0, 0, 0, 0))
#define timerfd_create(c, f) \
	((int)SHIM_RAW(RUMP_SYS_TIMERFD_CREATE, c, f, 0, 0, 0, 0))
#define timerfd_settime(fd, f, n, o) \
	((int)SHIM_RAW(RUMP_SYS_TIMERFD_SETTIME, fd, f, n, o, 0, 0))
#define timerfd_gettime(fd, c) \
	((int)SHIM_RAW(RUMP_SYS_TIMERFD_GETTIME, fd, c, 0, 0, 0, 0))
#define memfd_create(n, f) ((int)SHIM_RAW(RUMP_SYS_MEMFD_CREATE, n, f, 0, 0, 0, 0))
#define preadv2(fd, v, n, o, f) \
	((ssize_t)SHIM_RAW(RUMP_SYS_PREADV2, fd, v, n, o, 0, f))
#define pwritev2(fd, v, n, o, f) \
	((ssize_t)SHIM_RAW(RUMP_SYS_PWRITEV2, fd, v, n, o, 0, f))
#define inotify_init1(f) ((int)SHIM_RAW(RUMP_SYS_INOTIFY_INIT1, f, 0, 0, 0, 0, 0))
#define inotify_add_watch(fd, p, m) \
	((int)SHIM_RAW(RUMP_SYS_INOTIFY_ADD_WATCH, fd, p, m, 0, 0, 0))
#define inotify_rm_watch(fd, wd) \
	((int)SHIM_RAW(RUMP_SYS_INOTIFY_RM_WATCH, fd, wd, 0, 0, 0, 0))
#define tgkill(g, t, s) ((int)SHIM_RAW(RUMP_SYS_TGKILL, g, t, s, 0, 0, 0))
#define sigtimedwait(s, i, t) \
	((int)SHIM_RAW(RUMP_SYS_RT_SIGTIMEDWAIT, s, i, t, 8, 0, 0))
#define sigwaitinfo(s, i) \
	((int)SHIM_RAW(RUMP_SYS_RT_SIGTIMEDWAIT, s, i, 0, 8, 0, 0))

/* sigqueue: as libc builds it, a SI_QUEUE siginfo from this process. */
static inline int
shim_sigqueue(pid_t pid, int sig, const union sigval value)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = rump_sys_getpid();
	si.si_uid = rump_sys_getuid();
	si.si_value = value;
	return (int)SHIM_RAW(RUMP_SYS_RT_SIGQUEUEINFO, pid, sig, &si, 0, 0, 0);
}
#define sigqueue(p, s, v) shim_sigqueue(p, s, v)

/*
 * sigaction: libc's struct to the kernel's (handler, flags, restorer,
 * 8-byte mask).  The rump kernel calls handlers directly, so no
 * restorer is needed.
 */
struct shim_ksigaction {
	void *handler;
	unsigned long flags;
	void *restorer;
	uint64_t mask;
};
static inline int
shim_sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct shim_ksigaction k, ko;
	int r;

	if (act != NULL) {
		k.handler = (void *)act->sa_handler;
		k.flags = (unsigned long)act->sa_flags;
		k.restorer = NULL;
		memcpy(&k.mask, &act->sa_mask, sizeof(k.mask));
	}
	r = (int)SHIM_RAW(RUMP_SYS_RT_SIGACTION, sig, act ? &k : NULL,
	    old ? &ko : NULL, 8, 0, 0);
	if (r == 0 && old != NULL) {
		memset(old, 0, sizeof(*old));
		old->sa_handler = (void (*)(int))ko.handler;
		old->sa_flags = (int)ko.flags;
		memcpy(&old->sa_mask, &ko.mask, sizeof(ko.mask));
	}
	return r;
}
#define sigaction(s, a, o) shim_sigaction(s, a, o)
#define mmap(a, l, p, fl, fd, o) \
	((void *)SHIM_RAW(RUMP_SYS_MMAP, a, l, p, fl, fd, o))
#define munmap(a, l) ((int)SHIM_RAW(RUMP_SYS_MUNMAP, a, l, 0, 0, 0, 0))
#define msync(a, l, f) ((int)SHIM_RAW(RUMP_SYS_MSYNC, a, l, f, 0, 0, 0))
#define mprotect(a, l, p) ((int)SHIM_RAW(RUMP_SYS_MPROTECT, a, l, p, 0, 0, 0))

/* Raw system calls (futex): the Linux x86_64 numbers are the kernel's.
 * Cases pass all six arguments. */
static inline long
shim_syscall(long nr, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return shim_raw(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}
#define syscall(...) shim_syscall(__VA_ARGS__)

#endif /* CONF_RUMPSHIM_H */
