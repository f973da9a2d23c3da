/* test_proc.c -- identity, limits, names, time and randomness through
 * the public API, with Linux's error codes. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <poll.h>
#include <sched.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define assert_fail(call, e)                                            \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

/* The default process host threads run in (pid 1 by rump.h's account,
 * but kernel threads started first may have taken that number). */
static pid_t defpid;

/* Run the test body in a child process of its own, then leave it. */
static void
enter_child(void)
{
	defpid = rump_sys_getpid();
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
}

static void
leave_child(void)
{
	rump_lwproc_releaselwp();
}

static void
test_ids(void **state)
{
	uid_t r, e, s;
	gid_t groups[4] = { 5, 6, 7, 8 }, got[4];

	(void)state;
	enter_child();
	assert_true(rump_sys_getpid() > defpid);
	assert_int_equal(rump_sys_gettid(), rump_sys_getpid());
	assert_int_equal(rump_sys_getppid(), defpid);
	assert_int_equal(rump_sys_getuid(), 0);
	assert_int_equal(rump_sys_geteuid(), 0);

	/* Groups: only root sets them. */
	assert_int_equal(rump_sys_setgroups(4, groups), 0);
	assert_int_equal(rump_sys_getgroups(0, NULL), 4);
	assert_fail(rump_sys_getgroups(2, got), EINVAL);
	assert_fail(rump_sys_getgroups(-1, got), EINVAL);
	assert_int_equal(rump_sys_getgroups(4, got), 4);
	assert_memory_equal(got, groups, sizeof(groups));
	assert_fail(rump_sys_setgroups(-1, groups), EINVAL);
	assert_fail(rump_sys_setgroups(1, NULL), EFAULT);

	/* Root may set anything; then the rules bind. */
	assert_int_equal(rump_sys_setresgid(10, 11, 12), 0);
	assert_int_equal(rump_sys_getresgid(&r, &e, &s), 0);
	assert_true(r == 10 && e == 11 && s == 12);
	assert_int_equal(rump_sys_getgid(), 10);
	assert_int_equal(rump_sys_getegid(), 11);
	assert_int_equal(rump_sys_setresuid(100, 101, 102), 0);
	assert_int_equal(rump_sys_getresuid(&r, &e, &s), 0);
	assert_true(r == 100 && e == 101 && s == 102);
	assert_fail(rump_sys_getresuid(NULL, &e, &s), EFAULT);
	assert_fail(rump_sys_setuid(0), EPERM);
	assert_fail(rump_sys_setresuid(5, -1, -1), EPERM);
	assert_fail(rump_sys_setgroups(1, groups), EPERM);
	assert_fail(rump_sys_setgid(0), EPERM);
	assert_fail(rump_sys_setuid(-1), EINVAL);
	/* Unprivileged: swap among our own ids. */
	assert_int_equal(rump_sys_setuid(102), 0);     /* saved -> effective */
	assert_int_equal(rump_sys_geteuid(), 102);
	assert_int_equal(rump_sys_getuid(), 100);
	assert_int_equal(rump_sys_setresuid(-1, 100, -1), 0);
	/* A new real id must be the real or effective one. */
	assert_fail(rump_sys_setreuid(102, -1), EPERM);
	assert_int_equal(rump_sys_setreuid(-1, 102), 0);
	assert_int_equal(rump_sys_getresuid(&r, &e, &s), 0);
	/* A new effective id != old real id: saved follows it. */
	assert_true(r == 100 && e == 102 && s == 102);
	leave_child();
}

static void
test_pgrp_session(void **state)
{
	pid_t pid;

	(void)state;
	enter_child();
	pid = rump_sys_getpid();
	/* Inherited from the default process, a group and session leader. */
	assert_int_equal(rump_sys_getpgrp(), defpid);
	assert_int_equal(rump_sys_getpgid(0), defpid);
	assert_int_equal(rump_sys_getsid(0), defpid);
	assert_fail(rump_sys_getpgid(99999), ESRCH);
	assert_fail(rump_sys_getsid(99999), ESRCH);
	assert_fail(rump_sys_setpgid(0, -1), EINVAL);
	assert_fail(rump_sys_setpgid(99999, 0), ESRCH);
	assert_int_equal(rump_sys_setsid(), pid);
	assert_int_equal(rump_sys_getsid(0), pid);
	assert_int_equal(rump_sys_getpgrp(), pid);
	assert_fail(rump_sys_setsid(), EPERM);          /* a leader now */
	assert_fail(rump_sys_setpgid(0, 0), EPERM);     /* session leader */
	assert_int_equal(rump_sys_umask(077), 022);
	assert_int_equal(rump_sys_umask(0), 077);
	leave_child();
}

static void
test_rlimits(void **state)
{
	struct rlimit rl, old;
	struct rlimit64 r64;

	(void)state;
	enter_child();
	assert_int_equal(rump_sys_getrlimit(RLIMIT_NOFILE, &old), 0);
	assert_int_equal(old.rlim_cur, 1024);
	assert_fail(rump_sys_getrlimit(RLIM_NLIMITS, &rl), EINVAL);
	assert_fail(rump_sys_getrlimit(-1, &rl), EINVAL);
	assert_fail(rump_sys_getrlimit(RLIMIT_NOFILE, NULL), EFAULT);
	rl.rlim_cur = 20;
	rl.rlim_max = 10;
	assert_fail(rump_sys_setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
	rl.rlim_cur = 10;
	rl.rlim_max = 2000;
	assert_int_equal(rump_sys_setrlimit(RLIMIT_NOFILE, &rl), 0);
	assert_int_equal(rump_sys_prlimit64(0, RLIMIT_NOFILE, NULL, &r64), 0);
	assert_int_equal(r64.rlim_cur, 10);
	assert_int_equal(r64.rlim_max, 2000);
	assert_fail(rump_sys_prlimit64(99999, RLIMIT_NOFILE, NULL, &r64), ESRCH);
	/* Root may raise the hard limit, others may not. */
	rl.rlim_max = 3000;
	assert_int_equal(rump_sys_setrlimit(RLIMIT_NOFILE, &rl), 0);
	assert_int_equal(rump_sys_setresuid(1, 1, 1), 0);
	rl.rlim_max = 2500;
	assert_int_equal(rump_sys_setrlimit(RLIMIT_NOFILE, &rl), 0);
	rl.rlim_max = 2600;
	assert_fail(rump_sys_setrlimit(RLIMIT_NOFILE, &rl), EPERM);
	/* The default process belongs to root: not ours to change. */
	assert_fail(rump_sys_prlimit64(defpid, RLIMIT_NOFILE, NULL, &r64),
	    EPERM);
	leave_child();
}

static void
test_uname_hostname(void **state)
{
	struct utsname u;
	char name[70];

	(void)state;
	assert_int_equal(rump_sys_uname(&u), 0);
	assert_string_equal(u.sysname, "Linux");
	assert_string_equal(u.machine, "x86_64");
	assert_string_equal(u.release, "6.1.0-rump");
	assert_string_equal(u.nodename, "rump");
	assert_fail(rump_sys_uname(NULL), EFAULT);
	assert_int_equal(rump_sys_sethostname("box", 3), 0);
	assert_int_equal(rump_sys_uname(&u), 0);
	assert_string_equal(u.nodename, "box");
	memset(name, 'a', sizeof(name));
	assert_fail(rump_sys_sethostname(name, 65), EINVAL);
	assert_int_equal(rump_sys_sethostname(name, 64), 0);
	assert_int_equal(rump_sys_uname(&u), 0);
	assert_int_equal(strlen(u.nodename), 64);
	assert_int_equal(rump_sys_sethostname("rump", 4), 0);
	enter_child();
	assert_int_equal(rump_sys_setresuid(1, 1, 1), 0);
	assert_fail(rump_sys_sethostname("x", 1), EPERM);
	leave_child();
}

static void
test_prctl_name(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(rump_sys_prctl(PR_SET_NAME, (unsigned long)"worker",
	    0, 0, 0), 0);
	assert_int_equal(rump_sys_prctl(PR_GET_NAME, (unsigned long)buf, 0, 0,
	    0), 0);
	assert_string_equal(buf, "worker");
	assert_int_equal(rump_sys_prctl(PR_SET_NAME,
	    (unsigned long)"a-very-long-thread-name", 0, 0, 0), 0);
	assert_int_equal(rump_sys_prctl(PR_GET_NAME, (unsigned long)buf, 0, 0,
	    0), 0);
	assert_string_equal(buf, "a-very-long-thr");
	assert_fail(rump_sys_prctl(PR_SET_NAME, 0, 0, 0, 0), EFAULT);
	assert_fail(rump_sys_prctl(PR_GET_NAME, 0, 0, 0, 0), EFAULT);
	assert_fail(rump_sys_prctl(12345, 0, 0, 0, 0), EINVAL);
}

static long
ts_ns(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000L + ts->tv_nsec;
}

static void
test_clocks(void **state)
{
	struct timespec a, b, res, req, rem;
	struct timeval tv;
	struct timezone tz;

	(void)state;
	assert_int_equal(rump_sys_clock_gettime(CLOCK_MONOTONIC, &a), 0);
	assert_int_equal(rump_sys_clock_gettime(CLOCK_MONOTONIC, &b), 0);
	assert_true(ts_ns(&b) >= ts_ns(&a));
	assert_int_equal(rump_sys_clock_gettime(CLOCK_REALTIME, &a), 0);
	assert_true(labs(a.tv_sec - time(NULL)) <= 1);
	assert_int_equal(rump_sys_gettimeofday(&tv, &tz), 0);
	assert_true(labs(tv.tv_sec - time(NULL)) <= 1);
	assert_int_equal(rump_sys_gettimeofday(NULL, NULL), 0);
	static const clockid_t ids[] = { CLOCK_REALTIME, CLOCK_MONOTONIC,
		CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
		CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE,
		CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, CLOCK_TAI };
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		assert_int_equal(rump_sys_clock_gettime(ids[i], &a), 0);
		assert_int_equal(rump_sys_clock_getres(ids[i], &res), 0);
		assert_true(res.tv_sec == 0 && res.tv_nsec > 0);
	}
	assert_fail(rump_sys_clock_gettime(100, &a), EINVAL);
	assert_fail(rump_sys_clock_gettime(-1, &a), EINVAL);
	assert_fail(rump_sys_clock_gettime(CLOCK_MONOTONIC, NULL), EFAULT);
	assert_int_equal(rump_sys_clock_getres(CLOCK_MONOTONIC, NULL), 0);

	/* Setting the wall clock: root only, and only this kernel's. */
	struct timespec set = { 1000000000, 0 };
	assert_int_equal(rump_sys_clock_settime(CLOCK_REALTIME, &set), 0);
	assert_int_equal(rump_sys_clock_gettime(CLOCK_REALTIME, &a), 0);
	assert_true(a.tv_sec >= 1000000000 && a.tv_sec <= 1000000001);
	assert_true(labs(time(NULL) - 1000000000) > 1000);  /* not the host's */
	assert_fail(rump_sys_clock_settime(CLOCK_MONOTONIC, &set), EINVAL);
	set.tv_nsec = -1;
	assert_fail(rump_sys_clock_settime(CLOCK_REALTIME, &set), EINVAL);
	assert_int_equal(rump_sys_settimeofday(&(struct timeval){ time(NULL), 0 },
	    NULL), 0);
	assert_int_equal(rump_sys_clock_gettime(CLOCK_REALTIME, &a), 0);
	assert_true(labs(a.tv_sec - time(NULL)) <= 1);
	enter_child();
	assert_int_equal(rump_sys_setresuid(1, 1, 1), 0);
	set.tv_nsec = 0;
	assert_fail(rump_sys_clock_settime(CLOCK_REALTIME, &set), EPERM);
	leave_child();

	/* Sleeps. */
	req.tv_sec = 0;
	req.tv_nsec = 20 * 1000 * 1000;
	rump_sys_clock_gettime(CLOCK_MONOTONIC, &a);
	assert_int_equal(rump_sys_nanosleep(&req, &rem), 0);
	rump_sys_clock_gettime(CLOCK_MONOTONIC, &b);
	assert_true(ts_ns(&b) - ts_ns(&a) >= 20 * 1000 * 1000);
	req.tv_nsec = 1000000000;
	assert_fail(rump_sys_nanosleep(&req, NULL), EINVAL);
	req.tv_sec = -1;
	req.tv_nsec = 0;
	assert_fail(rump_sys_nanosleep(&req, NULL), EINVAL);
	assert_fail(rump_sys_nanosleep(NULL, NULL), EFAULT);
	/* Absolute: a time in the past returns at once. */
	rump_sys_clock_gettime(CLOCK_MONOTONIC, &a);
	a.tv_nsec = (a.tv_nsec + 10 * 1000 * 1000) % 1000000000;
	a.tv_sec += a.tv_nsec < 10 * 1000 * 1000;
	assert_int_equal(rump_sys_clock_nanosleep(CLOCK_MONOTONIC,
	    TIMER_ABSTIME, &a, NULL), 0);
	rump_sys_clock_gettime(CLOCK_MONOTONIC, &b);
	assert_true(ts_ns(&b) >= ts_ns(&a));
	assert_int_equal(rump_sys_clock_nanosleep(CLOCK_REALTIME,
	    TIMER_ABSTIME, &(struct timespec){ 1, 0 }, NULL), 0);
	req.tv_sec = 0;
	req.tv_nsec = 1000;
	assert_int_equal(rump_sys_clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0,
	    &req, NULL), -1);
	assert_int_equal(errno, EINVAL);
	assert_int_equal(rump_sys_clock_nanosleep(CLOCK_MONOTONIC_COARSE, 0,
	    &req, NULL), -1);
	assert_int_equal(errno, EOPNOTSUPP);
}

static void
test_misc(void **state)
{
	unsigned char buf[64], zero[64] = { 0 };
	unsigned long mask = 0;
	struct sysinfo si;
	struct rusage ru;

	(void)state;
	memset(buf, 0, sizeof(buf));
	assert_int_equal(rump_sys_getrandom(buf, sizeof(buf), 0), 64);
	assert_memory_not_equal(buf, zero, sizeof(buf));
	assert_int_equal(rump_sys_getrandom(buf, 0, 0), 0);
	assert_true(rump_sys_getrandom(buf, sizeof(buf), GRND_NONBLOCK) > 0);
	assert_fail(rump_sys_getrandom(buf, 8, 0x80), EINVAL);
	assert_fail(rump_sys_getrandom(buf, 8, GRND_RANDOM | 0x4), EINVAL);
	assert_fail(rump_sys_getrandom(NULL, 8, 0), EFAULT);

	assert_int_equal(rump_sys_sched_yield(), 0);
	assert_int_equal(rump_sys_sched_getaffinity(0, sizeof(mask), &mask),
	    sizeof(mask));
	assert_true(mask != 0);
	assert_fail(rump_sys_sched_getaffinity(0, 4, &mask), EINVAL);
	assert_fail(rump_sys_sched_getaffinity(99999, sizeof(mask), &mask),
	    ESRCH);
	assert_int_equal(rump_sys_sched_setaffinity(0, sizeof(mask), &mask), 0);
	mask = 0;
	assert_fail(rump_sys_sched_setaffinity(0, sizeof(mask), &mask), EINVAL);

	assert_int_equal(rump_sys_sysinfo(&si), 0);
	assert_true(si.totalram > 0 && si.mem_unit == 1 && si.procs >= 1);
	assert_fail(rump_sys_sysinfo(NULL), EFAULT);
	assert_int_equal(rump_sys_getrusage(RUSAGE_SELF, &ru), 0);
	assert_int_equal(rump_sys_getrusage(RUSAGE_THREAD, &ru), 0);
	assert_int_equal(rump_sys_getrusage(RUSAGE_CHILDREN, &ru), 0);
	assert_fail(rump_sys_getrusage(5, &ru), EINVAL);

	/* Unknown numbers. */
	assert_int_equal(rump_syscall(100000, 0, 0, 0, 0, 0, 0), -ENOSYS);
	assert_int_equal(rump_syscall(-1, 0, 0, 0, 0, 0, 0), -ENOSYS);
	assert_int_equal(rump_syscall(400, 0, 0, 0, 0, 0, 0), -ENOSYS);
	assert_int_equal(rump_syscall(RUMP_SYS_GETPID, 0, 0, 0, 0, 0, 0),
	    rump_sys_getpid());
}

static void
test_sched_prio(void **state)
{
	struct sched_param sp = { 0 };
	struct timespec ts;

	(void)state;
	assert_int_equal(rump_sys_sched_getscheduler(0), SCHED_OTHER);
	assert_fail(rump_sys_sched_getscheduler(-1), EINVAL);
	assert_fail(rump_sys_sched_getscheduler(99999), ESRCH);
	assert_int_equal(rump_sys_sched_getparam(0, &sp), 0);
	assert_int_equal(sp.sched_priority, 0);
	assert_fail(rump_sys_sched_getparam(0, NULL), EINVAL);
	assert_int_equal(rump_sys_sched_get_priority_max(SCHED_FIFO), 99);
	assert_int_equal(rump_sys_sched_get_priority_min(SCHED_RR), 1);
	assert_int_equal(rump_sys_sched_get_priority_max(SCHED_OTHER), 0);
	assert_fail(rump_sys_sched_get_priority_max(77), EINVAL);
	assert_int_equal(rump_sys_sched_setscheduler(0, SCHED_OTHER, &sp), 0);
	sp.sched_priority = 10;
	assert_fail(rump_sys_sched_setscheduler(0, SCHED_FIFO, &sp), EPERM);
	assert_fail(rump_sys_sched_setscheduler(0, SCHED_OTHER, &sp), EINVAL);
	assert_int_equal(rump_sys_sched_rr_get_interval(0, &ts), 0);

	enter_child();
	assert_int_equal(rump_sys_getpriority(PRIO_PROCESS, 0), 20);
	assert_int_equal(rump_sys_setpriority(PRIO_PROCESS, 0, 5), 0);
	assert_int_equal(rump_sys_getpriority(PRIO_PROCESS, 0), 15);
	assert_int_equal(rump_sys_setpriority(PRIO_PROCESS, 0, 100), 0);
	assert_int_equal(rump_sys_getpriority(PRIO_PROCESS, 0), 1);  /* 19 */
	assert_fail(rump_sys_getpriority(7, 0), EINVAL);
	assert_fail(rump_sys_getpriority(PRIO_PROCESS, 99999), ESRCH);
	assert_int_equal(rump_sys_setresuid(3, 3, 3), 0);
	assert_fail(rump_sys_setpriority(PRIO_PROCESS, 0, 0), EACCES);
	assert_fail(rump_sys_setpriority(PRIO_PROCESS, defpid, 0), EPERM);
	leave_child();
}

static void
test_small_calls(void **state)
{
	struct tms tms;
	unsigned int cpu = 99, node = 99;
	time_t t;
	int fds[2];

	(void)state;
	assert_true(rump_sys_time(NULL) - time(NULL) <= 1);
	time_t r = rump_sys_time(&t);
	assert_int_equal(r, t);
	assert_fail(rump_sys_time((void *)8), EFAULT);
	assert_true(rump_sys_times(&tms) >= 0);
	assert_int_equal(rump_sys_getcpu(&cpu, &node, NULL), 0);
	assert_true(cpu < 64 && node == 0);
	assert_int_equal(rump_sys_personality(0xffffffff), 0);
	assert_fail(rump_sys_personality(0x123), EINVAL);
	enter_child();
	assert_int_equal(rump_sys_setfsuid(5), 0);      /* returns the old */
	assert_int_equal(rump_sys_setfsuid(-1), 5);
	leave_child();
	/* close_range. */
	assert_int_equal(rump_sys_pipe(fds), 0);
	assert_int_equal(rump_sys_dup2(fds[0], 40), 40);
	assert_int_equal(rump_sys_dup2(fds[0], 41), 41);
	assert_int_equal(rump_sys_close_range(40, 41, 4), 0);   /* CLOEXEC */
	assert_int_equal(rump_sys_fcntl(41, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(rump_sys_close_range(40, ~0U, 0), 0);
	assert_fail(rump_sys_fcntl(40, F_GETFD, 0), EBADF);
	assert_fail(rump_sys_close_range(5, 4, 0), EINVAL);
	assert_fail(rump_sys_close_range(0, 1, 0x100), EINVAL);
	rump_sys_close(fds[0]);
	rump_sys_close(fds[1]);
}

static void
test_timerfd(void **state)
{
	struct itimerspec its, cur;
	uint64_t n;
	int fd;
	struct pollfd p;

	(void)state;
	fd = rump_sys_timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
	assert_true(fd >= 0);
	assert_fail(rump_sys_read(fd, &n, 8), EAGAIN);
	its.it_value = (struct timespec){ 0, 10 * 1000 * 1000 };
	its.it_interval = (struct timespec){ 0, 10 * 1000 * 1000 };
	assert_int_equal(rump_sys_timerfd_settime(fd, 0, &its, NULL), 0);
	p = (struct pollfd){ fd, POLLIN, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 2000), 1);
	struct timespec ts = { 0, 35 * 1000 * 1000 };
	rump_sys_nanosleep(&ts, NULL);
	assert_int_equal(rump_sys_read(fd, &n, 8), 8);
	assert_true(n >= 3);
	assert_int_equal(rump_sys_timerfd_gettime(fd, &cur), 0);
	assert_int_equal(cur.it_interval.tv_nsec, 10 * 1000 * 1000);
	memset(&its, 0, sizeof(its));
	assert_int_equal(rump_sys_timerfd_settime(fd, 0, &its, &cur), 0);
	assert_int_equal(cur.it_interval.tv_nsec, 10 * 1000 * 1000);
	assert_fail(rump_sys_read(fd, &n, 4), EINVAL);
	rump_sys_close(fd);
	/* Blocking read of an absolute one-shot timer. */
	fd = rump_sys_timerfd_create(CLOCK_REALTIME, TFD_CLOEXEC);
	rump_sys_clock_gettime(CLOCK_REALTIME, &its.it_value);
	its.it_value.tv_nsec += 20 * 1000 * 1000;
	if (its.it_value.tv_nsec >= 1000000000) {
		its.it_value.tv_nsec -= 1000000000;
		its.it_value.tv_sec++;
	}
	its.it_interval = (struct timespec){ 0, 0 };
	assert_int_equal(rump_sys_timerfd_settime(fd, TFD_TIMER_ABSTIME, &its,
	    NULL), 0);
	assert_int_equal(rump_sys_read(fd, &n, 8), 8);
	assert_int_equal(n, 1);
	rump_sys_close(fd);
	/* Errors. */
	assert_fail(rump_sys_timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), EINVAL);
	assert_fail(rump_sys_timerfd_create(CLOCK_MONOTONIC, 1), EINVAL);
	assert_fail(rump_sys_timerfd_settime(999, 0, &its, NULL), EBADF);
	assert_fail(rump_sys_timerfd_settime(0, 0, NULL, NULL), EFAULT);
	its.it_value.tv_nsec = -1;
	fd = rump_sys_timerfd_create(CLOCK_MONOTONIC, 0);
	assert_fail(rump_sys_timerfd_settime(fd, 0, &its, NULL), EINVAL);
	assert_fail(rump_sys_timerfd_gettime(0 == fd ? 1 : 0, &cur), EBADF);
	rump_sys_close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_pgrp_session),
		cmocka_unit_test(test_rlimits),
		cmocka_unit_test(test_uname_hostname),
		cmocka_unit_test(test_prctl_name),
		cmocka_unit_test(test_clocks),
		cmocka_unit_test(test_misc),
		cmocka_unit_test(test_sched_prio),
		cmocka_unit_test(test_small_calls),
		cmocka_unit_test(test_timerfd),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
