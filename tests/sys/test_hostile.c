/* test_hostile.c -- hostile arguments: every system call of the layer
 * is called with every combination of a few bad values (NULL, a pointer
 * into the NULL page, non-canonical pointers, -1, huge numbers) and
 * must return an error or a result, never crash or hang.  Blocking calls
 * are cut short by a repeating SIGALRM. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

/*
 * Each is also an impossible pointer (NULL page, non-canonical): hosted,
 * a pointer into unmapped but possible user memory faults the host
 * process, as the kernel shares its address space.  The last is INT_MAX
 * in its low 32 bits.
 */
static const long values[] = {
	0, -1, 8, (long)0xffff800000001000UL, (long)0xffff80007fffffffUL,
};
#define NVALUES (sizeof(values) / sizeof(values[0]))

/* Calls with up to this many arguments get every combination. */
static const struct {
	long nr;
	int nargs;
} calls[] = {
	{ SYS_read, 3 }, { SYS_write, 3 }, { SYS_close, 1 }, { SYS_fstat, 2 },
	{ SYS_poll, 3 }, { SYS_lseek, 3 }, { SYS_rt_sigaction, 4 },
	{ SYS_rt_sigprocmask, 4 }, { SYS_ioctl, 3 }, { SYS_pread64, 4 },
	{ SYS_pwrite64, 4 }, { SYS_readv, 3 }, { SYS_writev, 3 },
	{ SYS_pipe, 1 }, { SYS_select, 5 }, { SYS_sched_yield, 0 },
	{ SYS_dup, 1 }, { SYS_dup2, 2 }, { SYS_pause, 0 },
	{ SYS_nanosleep, 2 }, { SYS_getitimer, 2 }, { SYS_getpid, 0 },
	{ SYS_uname, 1 }, { SYS_fcntl, 3 }, { SYS_umask, 1 },
	{ SYS_gettimeofday, 2 }, { SYS_getrlimit, 2 }, { SYS_getrusage, 2 },
	{ SYS_sysinfo, 1 }, { SYS_times, 1 }, { SYS_getuid, 0 },
	{ SYS_setuid, 1 }, { SYS_setgid, 1 }, { SYS_setpgid, 2 },
	{ SYS_getppid, 0 }, { SYS_getpgrp, 0 }, { SYS_setsid, 0 },
	{ SYS_setreuid, 2 }, { SYS_setregid, 2 }, { SYS_getgroups, 2 },
	{ SYS_setgroups, 2 }, { SYS_setresuid, 3 }, { SYS_getresuid, 3 },
	{ SYS_setresgid, 3 }, { SYS_getresgid, 3 }, { SYS_getpgid, 1 },
	{ SYS_setfsuid, 1 }, { SYS_setfsgid, 1 }, { SYS_getsid, 1 },
	{ SYS_rt_sigpending, 2 }, { SYS_rt_sigtimedwait, 4 },
	{ SYS_rt_sigsuspend, 2 }, { SYS_sigaltstack, 2 },
	{ SYS_personality, 1 }, { SYS_getpriority, 2 },
	{ SYS_setpriority, 3 }, { SYS_sched_setparam, 2 },
	{ SYS_sched_getparam, 2 }, { SYS_sched_setscheduler, 3 },
	{ SYS_sched_getscheduler, 1 }, { SYS_sched_get_priority_max, 1 },
	{ SYS_sched_get_priority_min, 1 }, { SYS_sched_rr_get_interval, 2 },
	{ SYS_prctl, 5 }, { SYS_gettid, 0 }, { SYS_time, 1 },
	{ SYS_futex, 6 }, { SYS_sched_setaffinity, 3 },
	{ SYS_sched_getaffinity, 3 }, { SYS_epoll_create, 1 },
	{ SYS_set_tid_address, 1 }, { SYS_clock_gettime, 2 },
	{ SYS_clock_getres, 2 }, { SYS_clock_nanosleep, 4 },
	{ SYS_epoll_wait, 4 }, { SYS_epoll_ctl, 4 }, { SYS_pselect6, 6 },
	{ SYS_ppoll, 5 }, { SYS_set_robust_list, 2 },
	{ SYS_get_robust_list, 3 }, { SYS_epoll_pwait, 6 },
	{ SYS_timerfd_create, 2 }, { SYS_timerfd_settime, 4 },
	{ SYS_timerfd_gettime, 2 }, { SYS_eventfd, 1 }, { SYS_eventfd2, 2 },
	{ SYS_epoll_create1, 1 }, { SYS_dup3, 3 }, { SYS_pipe2, 2 },
	{ SYS_preadv, 5 }, { SYS_pwritev, 5 }, { SYS_prlimit64, 4 },
	{ SYS_getcpu, 3 }, { SYS_getrandom, 3 }, { SYS_close_range, 3 },
	{ SYS_epoll_pwait2, 6 }, { SYS_signalfd, 3 }, { SYS_signalfd4, 4 },
	{ SYS_wait4, 4 }, { SYS_waitid, 5 }, { SYS_timerfd_create, 2 },
};

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

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

static void
test_hostile_args(void **state)
{
	struct ksigaction sa = { on_alarm, 0, NULL, 0 };
	struct { long iv_s, iv_us, v_s, v_us; } it = { 0, 2000, 0, 2000 };
	long a[6];
	unsigned long combos;

	(void)state;
	/* In a process of its own without descriptors, so nothing real
	 * is hit; the alarm ends any wait. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	pid_t child = rump_sys_getpid();
	assert_int_equal(rump_sys_rt_sigaction(14, &sa, NULL, 8), 0);
	assert_int_equal(rump_syscall(SYS_setitimer, 0, (long)&it, 0, 0, 0, 0),
	    0);
	for (size_t c = 0; c < sizeof(calls) / sizeof(calls[0]); c++) {
		combos = 1;
		for (int i = 0; i < calls[c].nargs; i++)
			combos *= NVALUES;
		for (unsigned long k = 0; k < combos; k++) {
			unsigned long x = k;

			memset(a, 0, sizeof(a));
			for (int i = 0; i < calls[c].nargs; i++) {
				a[i] = values[x % NVALUES];
				x /= NVALUES;
			}
			long r = rump_syscall(calls[c].nr, a[0], a[1], a[2],
			    a[3], a[4], a[5]);
			if (r < 0 && r < -4095)
				fail_msg("call %ld returned %ld", calls[c].nr, r);
			/* A call may have moved the timer's signal away. */
			rump_sys_rt_sigaction(14, &sa, NULL, 8);
			uint64_t none = 0;
			rump_sys_rt_sigprocmask(2, &none, NULL, 8);
			/* Nothing may have ended the process. */
			if (rump_sys_getpid() != child)
				fail_msg("call %ld ended the process",
				    calls[c].nr);
		}
	}
	rump_lwproc_releaselwp();
	assert_int_equal(rump_sys_sethostname("rump", 4), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_args),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
