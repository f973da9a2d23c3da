/*
 * hosted_syscalls.c -- compiled (never run) by tests/abi/run.sh: proves
 * the generated <rump/rump_syscalls.h> sits beside the host's libc
 * headers without a clash, and that libc's own types can be passed to
 * the rump_sys_*() calls without casts.
 */
#include <rump/rump_syscalls.h>

#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

int hosted_syscalls(void);

int
hosted_syscalls(void)
{
	struct stat st;
	struct pollfd pfd = { 0, POLLIN, 0 };
	struct epoll_event ev = { EPOLLIN, { 0 } };
	struct utsname u;
	struct rlimit rl;
	struct statfs sf;
	struct timespec ts = { 0, 0 };
	struct timeval tv = { 0, 0 };
	struct sysinfo si;
	char buf[16];
	struct iovec iov = { buf, sizeof(buf) };
	struct rusage ru;
	fd_set rfds;
	sigset_t ss;
	off_t off = 0;
	int fds[2];
	int r = 0;

	FD_ZERO(&rfds);
	sigemptyset(&ss);
	r |= rump_sys_stat("/", &st);
	r |= rump_sys_fstat(0, &st);
	r |= rump_sys_newfstatat(AT_FDCWD, "x", &st, AT_SYMLINK_NOFOLLOW);
	r |= rump_sys_poll(&pfd, 1, 0);
	r |= rump_sys_epoll_ctl(0, EPOLL_CTL_ADD, 1, &ev);
	r |= rump_sys_uname(&u);
	r |= rump_sys_getrlimit(RLIMIT_NOFILE, &rl);
	r |= rump_sys_statfs("/", &sf);
	r |= rump_sys_clock_gettime(CLOCK_MONOTONIC, &ts);
	r |= rump_sys_gettimeofday(&tv, NULL);
	r |= rump_sys_sysinfo(&si);
	r |= (int)rump_sys_readv(0, &iov, 1);
	r |= rump_sys_getrusage(RUSAGE_SELF, &ru);
	r |= rump_sys_select(1, &rfds, NULL, NULL, &tv);
	r |= rump_sys_rt_sigprocmask(SIG_BLOCK, &ss, NULL, 8);
	r |= (int)rump_sys_sendfile(1, 0, &off, 10);
	r |= rump_sys_pipe2(fds, O_CLOEXEC);
	r |= (int)rump_sys_read(0, buf, sizeof(buf));
	r |= rump_sys_openat(AT_FDCWD, "x", O_RDONLY, 0);
	r |= (int)rump_syscall(RUMP_SYS_GETPID, 0, 0, 0, 0, 0, 0);
	if (rump_sys_mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0) == MAP_FAILED)
		r |= 1;
	return r;
}
