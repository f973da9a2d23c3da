/* test_sig.c -- signals through the public API: actions, masks, handler
 * calls on the way out of the kernel, interrupted sleeps, fatal default
 * actions, exit. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define assert_fail(call, e)                                            \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

/* The kernel's struct sigaction and sigset_t (abi/signal.h). */
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};
#define KSIGMASK(s) (1ULL << ((s) - 1))
#define KSIG_IGN ((void (*)(int))1)
#define KSIG_DFL ((void (*)(int))0)

static volatile int hits[65];
static volatile int infosig;

static void
handler(int sig)
{
	hits[sig]++;
}

static void
infohandler(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	infosig = si->si_signo == sig ? sig : -1;
}

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

static void
set_action(int sig, void (*h)(int), unsigned long flags)
{
	struct ksigaction sa = { h, flags, NULL, 0 };

	assert_int_equal(rump_sys_rt_sigaction(sig, &sa, NULL, 8), 0);
}

static void
test_sigaction_errors(void **state)
{
	struct ksigaction sa = { handler, 0, NULL, 0 }, old;

	(void)state;
	assert_fail(rump_sys_rt_sigaction(0, &sa, NULL, 8), EINVAL);
	assert_fail(rump_sys_rt_sigaction(65, &sa, NULL, 8), EINVAL);
	assert_fail(rump_sys_rt_sigaction(SIGKILL, &sa, NULL, 8), EINVAL);
	assert_fail(rump_sys_rt_sigaction(SIGSTOP, &sa, NULL, 8), EINVAL);
	assert_fail(rump_sys_rt_sigaction(SIGUSR1, &sa, NULL, 128), EINVAL);
	assert_fail(rump_sys_rt_sigaction(SIGUSR1, (void *)16, NULL, 8), EFAULT);
	assert_int_equal(rump_sys_rt_sigaction(SIGKILL, NULL, &old, 8), 0);
	assert_true(old.handler == KSIG_DFL);
	assert_int_equal(rump_sys_rt_sigaction(SIGUSR2, &sa, NULL, 8), 0);
	assert_int_equal(rump_sys_rt_sigaction(SIGUSR2, NULL, &old, 8), 0);
	assert_true(old.handler == handler);
	set_action(SIGUSR2, KSIG_DFL, 0);
	assert_fail(rump_sys_kill(rump_sys_getpid(), 65), EINVAL);
	assert_fail(rump_sys_kill(rump_sys_getpid(), -1), EINVAL);
	assert_fail(rump_sys_kill(99999, SIGUSR1), ESRCH);
	assert_fail(rump_sys_kill(0x7fffffff, 0), ESRCH);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), 0), 0);
	assert_fail(rump_sys_tkill(0, SIGUSR1), EINVAL);
	assert_fail(rump_sys_tkill(99999, SIGUSR1), ESRCH);
	assert_fail(rump_sys_tgkill(0, rump_sys_gettid(), SIGUSR1), EINVAL);
	assert_fail(rump_sys_tgkill(99999, rump_sys_gettid(), SIGUSR1), ESRCH);
	assert_fail(rump_sys_rt_sigprocmask(7, &(uint64_t){ 0 }, NULL, 8),
	    EINVAL);
	assert_fail(rump_sys_rt_sigprocmask(SIG_BLOCK, NULL, NULL, 4), EINVAL);
}

static void
test_handler_and_mask(void **state)
{
	uint64_t set, old, pend;

	(void)state;
	set_action(SIGUSR1, handler, 0);
	hits[SIGUSR1] = 0;
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR1), 0);
	assert_int_equal(hits[SIGUSR1], 1);
	assert_int_equal(rump_sys_tgkill(rump_sys_getpid(), rump_sys_gettid(),
	    SIGUSR1), 0);
	assert_int_equal(hits[SIGUSR1], 2);

	/* Blocked: pending until unblocked, then run on the way out. */
	set = KSIGMASK(SIGUSR1) | KSIGMASK(SIGKILL);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, &set, &old, 8), 0);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, NULL, &set, 8), 0);
	assert_int_equal(set, KSIGMASK(SIGUSR1) | old);  /* not SIGKILL */
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR1), 0);
	assert_int_equal(hits[SIGUSR1], 2);
	assert_int_equal(rump_sys_rt_sigpending(&pend, 8), 0);
	assert_true(pend & KSIGMASK(SIGUSR1));
	set = KSIGMASK(SIGUSR1);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_UNBLOCK, &set, NULL, 8), 0);
	assert_int_equal(hits[SIGUSR1], 3);
	assert_int_equal(rump_sys_rt_sigpending(&pend, 8), 0);
	assert_false(pend & KSIGMASK(SIGUSR1));

	/* Ignored signals vanish, also pending ones. */
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, &set, NULL, 8), 0);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR1), 0);
	set_action(SIGUSR1, KSIG_IGN, 0);
	assert_int_equal(rump_sys_rt_sigpending(&pend, 8), 0);
	assert_false(pend & KSIGMASK(SIGUSR1));
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_SETMASK, &old, NULL, 8), 0);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR1), 0);
	assert_int_equal(hits[SIGUSR1], 3);
	/* Default-ignored: SIGCHLD. */
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGCHLD), 0);

	/* SA_SIGINFO and SA_RESETHAND. */
	set_action(SIGUSR2, (void (*)(int))(void (*)(void))infohandler,
	    SA_SIGINFO | SA_RESETHAND);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR2), 0);
	assert_int_equal(infosig, SIGUSR2);
	struct ksigaction cur;
	assert_int_equal(rump_sys_rt_sigaction(SIGUSR2, NULL, &cur, 8), 0);
	assert_true(cur.handler == KSIG_DFL);
	set_action(SIGUSR1, KSIG_DFL, 0);
}

static pid_t sleeper_tid;
static volatile int sleeper_ready;
static long sleeper_ret;
static int sleeper_errno;
static struct timespec sleeper_rem;

static void *
sleeper(void *arg)
{
	struct timespec req = { 5, 0 };

	(void)arg;
	sleeper_tid = rump_sys_gettid();
	__atomic_store_n(&sleeper_ready, 1, __ATOMIC_SEQ_CST);
	sleeper_ret = rump_sys_nanosleep(&req, &sleeper_rem);
	sleeper_errno = errno;
	return NULL;
}

static void
test_interrupted_sleep(void **state)
{
	struct timespec t0, t1;
	pthread_t t;

	(void)state;
	set_action(SIGUSR1, handler, 0);
	hits[SIGUSR1] = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(pthread_create(&t, NULL, sleeper, NULL), 0);
	while (!__atomic_load_n(&sleeper_ready, __ATOMIC_SEQ_CST))
		usleep(1000);
	usleep(50 * 1000);
	assert_int_equal(rump_sys_tkill(sleeper_tid, SIGUSR1), 0);
	pthread_join(t, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(sleeper_ret, -1);
	assert_int_equal(sleeper_errno, EINTR);
	assert_int_equal(hits[SIGUSR1], 1);
	assert_true(sleeper_rem.tv_sec >= 3);
	assert_true(t1.tv_sec - t0.tv_sec < 3);
	set_action(SIGUSR1, KSIG_DFL, 0);
}

static void
test_fatal_default(void **state)
{
	pid_t parent = rump_sys_getpid(), child;

	(void)state;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	child = rump_sys_getpid();
	assert_true(child != parent);
	/* The default action ends the process: its lwp leaves as it returns. */
	assert_int_equal(rump_sys_kill(child, SIGTERM), 0);
	assert_null(rump_lwproc_curlwp());
	assert_int_equal(rump_sys_getpid(), parent);
	assert_fail(rump_sys_kill(child, 0), ESRCH);

	/* exit_group: the same, with a status. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	child = rump_sys_getpid();
	rump_sys_exit_group(3);
	assert_null(rump_lwproc_curlwp());
	assert_fail(rump_sys_kill(child, 0), ESRCH);

	/* SIGKILL cannot be caught or blocked. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	child = rump_sys_getpid();
	uint64_t all = ~0ULL;
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_SETMASK, &all, NULL, 8), 0);
	assert_int_equal(rump_sys_kill(child, SIGKILL), 0);
	assert_null(rump_lwproc_curlwp());
}

static volatile pid_t outside_pid;
static volatile int outside_go;
static long outside_ret;
static int outside_errno;
static void *outside_lwp_after;

/* An lwp whose process is killed while it is outside the kernel does
 * not run its next call: it ends on entry. */
static void *
outside_thread(void *arg)
{
	(void)arg;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	outside_pid = rump_sys_getpid();
	while (!__atomic_load_n(&outside_go, __ATOMIC_SEQ_CST))
		usleep(1000);
	outside_ret = rump_sys_getppid();
	outside_errno = errno;
	outside_lwp_after = rump_lwproc_curlwp();
	return NULL;
}

static void
test_killed_outside(void **state)
{
	pthread_t t;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, outside_thread, NULL), 0);
	while (outside_pid == 0)
		usleep(1000);
	assert_int_equal(rump_sys_kill(outside_pid, SIGKILL), 0);
	__atomic_store_n(&outside_go, 1, __ATOMIC_SEQ_CST);
	pthread_join(t, NULL);
	assert_int_equal(outside_ret, -1);
	assert_int_equal(outside_errno, EINTR);
	assert_null(outside_lwp_after);
	assert_fail(rump_sys_kill(outside_pid, 0), ESRCH);
}

static void
test_permission(void **state)
{
	pid_t parent = rump_sys_getpid();

	(void)state;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	assert_int_equal(rump_sys_setresuid(7, 7, 7), 0);
	assert_fail(rump_sys_kill(parent, 0), EPERM);
	assert_fail(rump_sys_kill(parent, SIGUSR1), EPERM);
	rump_lwproc_releaselwp();
}

static void
test_alarm_itimer(void **state)
{
	struct itimerval it, old;
	struct timespec t0, t1;
	long ms;

	(void)state;
	set_action(SIGALRM, handler, 0);
	hits[SIGALRM] = 0;
	assert_int_equal(rump_sys_alarm(10), 0);
	assert_int_equal(rump_sys_alarm(0), 10);   /* cancelled, 10 s left */
	assert_int_equal(rump_sys_getitimer(ITIMER_REAL, &it), 0);
	assert_true(it.it_value.tv_sec == 0 && it.it_value.tv_usec == 0);
	/* 30 ms, then every 20 ms; pause wakes for each. */
	it.it_value = (struct timeval){ 0, 30000 };
	it.it_interval = (struct timeval){ 0, 20000 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(rump_sys_setitimer(ITIMER_REAL, &it, &old), 0);
	assert_fail(rump_sys_pause(), EINTR);
	assert_fail(rump_sys_pause(), EINTR);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_int_equal(hits[SIGALRM], 2);
	assert_true(ms >= 45);
	assert_int_equal(rump_sys_getitimer(ITIMER_REAL, &it), 0);
	assert_int_equal(it.it_interval.tv_usec, 20000);
	assert_int_equal(rump_sys_setitimer(ITIMER_REAL, NULL, NULL), 0);
	/* Errors. */
	it.it_value.tv_usec = 1000000;
	assert_fail(rump_sys_setitimer(ITIMER_REAL, &it, NULL), EINVAL);
	assert_fail(rump_sys_setitimer(7, &it, NULL), EINVAL);
	assert_fail(rump_sys_getitimer(ITIMER_REAL, NULL), EFAULT);
	assert_fail(rump_sys_getitimer(ITIMER_PROF, &it), ENOSYS);
	set_action(SIGALRM, KSIG_DFL, 0);
}

static void
test_sigtimedwait(void **state)
{
	uint64_t set = KSIGMASK(SIGUSR1), old;
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	siginfo_t si;

	(void)state;
	set_action(SIGUSR1, handler, 0);
	hits[SIGUSR1] = 0;
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, &set, &old, 8), 0);
	assert_fail(rump_sys_rt_sigtimedwait(&set, &si, &ts, 8), EAGAIN);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR1), 0);
	assert_int_equal(rump_sys_rt_sigtimedwait(&set, &si, &ts, 8), SIGUSR1);
	assert_int_equal(si.si_signo, SIGUSR1);
	assert_int_equal(hits[SIGUSR1], 0);   /* taken, not handled */
	assert_fail(rump_sys_rt_sigtimedwait(&set, &si, &ts, 4), EINVAL);
	/* sigsuspend runs the handler under the temporary mask. */
	assert_int_equal(rump_sys_alarm(0), 0);
	set_action(SIGALRM, handler, 0);
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	assert_int_equal(rump_sys_setitimer(ITIMER_REAL, &it, NULL), 0);
	uint64_t none = 0;
	hits[SIGALRM] = 0;
	assert_fail(rump_sys_rt_sigsuspend(&none, 8), EINTR);
	assert_int_equal(hits[SIGALRM], 1);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_SETMASK, &old, NULL, 8), 0);
	set_action(SIGALRM, KSIG_DFL, 0);
	set_action(SIGUSR1, KSIG_DFL, 0);
}

static int rd_fd;
static pid_t rd_tid;
static volatile int rd_ready;
static long rd_ret;
static int rd_errno;

static void *
reader(void *arg)
{
	char c;

	(void)arg;
	rd_tid = rump_sys_gettid();
	__atomic_store_n(&rd_ready, 1, __ATOMIC_SEQ_CST);
	rd_ret = rump_sys_read(rd_fd, &c, 1);
	rd_errno = errno;
	return NULL;
}

/* A reader blocked on an empty pipe gets a signal: with SA_RESTART the
 * read goes on after the handler and returns data, without it EINTR. */
static void
restart_case(unsigned long flags, long want_ret, int want_errno)
{
	int fds[2];
	pthread_t t;

	set_action(SIGUSR2, handler, flags);
	hits[SIGUSR2] = 0;
	rd_ready = 0;
	assert_int_equal(rump_sys_pipe(fds), 0);
	rd_fd = fds[0];
	assert_int_equal(pthread_create(&t, NULL, reader, NULL), 0);
	while (!__atomic_load_n(&rd_ready, __ATOMIC_SEQ_CST))
		usleep(1000);
	usleep(30 * 1000);
	assert_int_equal(rump_sys_tkill(rd_tid, SIGUSR2), 0);
	usleep(30 * 1000);
	assert_int_equal(rump_sys_write(fds[1], "x", 1), 1);
	pthread_join(t, NULL);
	assert_int_equal(hits[SIGUSR2], 1);
	assert_int_equal(rd_ret, want_ret);
	if (want_ret < 0)
		assert_int_equal(rd_errno, want_errno);
	rump_sys_close(fds[0]);
	rump_sys_close(fds[1]);
	set_action(SIGUSR2, KSIG_DFL, 0);
}

static void
test_sa_restart(void **state)
{
	(void)state;
	restart_case(SA_RESTART, 1, 0);
	restart_case(0, -1, EINTR);
}

struct ssi {
	uint32_t signo;
	int32_t err, code;
	uint32_t rest[29];
};

static int sfd;
static pid_t sf_tid;
static volatile int sf_ready;
static long sf_ret;
static struct ssi sf_rec;

static void *
sf_reader(void *arg)
{
	uint64_t set = KSIGMASK(SIGUSR2);

	(void)arg;
	/* The mask is per thread: block the signal here too. */
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, &set, NULL, 8), 0);
	sf_tid = rump_sys_gettid();
	__atomic_store_n(&sf_ready, 1, __ATOMIC_SEQ_CST);
	sf_ret = rump_sys_read(sfd, &sf_rec, sizeof(sf_rec));
	return NULL;
}

static void
test_signalfd(void **state)
{
	uint64_t set = KSIGMASK(SIGUSR1) | KSIGMASK(SIGUSR2), old;
	struct ssi rec[2];
	struct pollfd p;
	int fd;
	pthread_t t;

	(void)state;
	assert_int_equal(sizeof(struct ssi), 128);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, &set, &old, 8), 0);
	fd = rump_sys_signalfd4(-1, &set, 8, O_NONBLOCK | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_fail(rump_sys_read(fd, rec, sizeof(rec)), EAGAIN);
	assert_fail(rump_sys_read(fd, rec, 64), EINVAL);
	p = (struct pollfd){ fd, POLLIN, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 0), 0);
	/* SIGCHLD is kept while blocked, though its default ignores it. */
	set |= KSIGMASK(SIGCHLD);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_BLOCK, &set, NULL, 8), 0);
	assert_int_equal(rump_sys_signalfd4(fd, &set, 8, 0), fd);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGUSR1), 0);
	assert_int_equal(rump_sys_kill(rump_sys_getpid(), SIGCHLD), 0);
	assert_int_equal(rump_sys_poll(&p, 1, 0), 1);
	assert_int_equal(rump_sys_read(fd, rec, sizeof(rec)), 256);
	assert_int_equal(rec[0].signo, SIGUSR1);
	assert_int_equal(rec[1].signo, SIGCHLD);
	assert_fail(rump_sys_read(fd, rec, sizeof(rec)), EAGAIN);
	assert_int_equal(rump_sys_close(fd), 0);
	/* A blocking read in another thread, woken by tkill. */
	sfd = rump_sys_signalfd(-1, &set, 8);
	assert_true(sfd >= 0);
	assert_int_equal(pthread_create(&t, NULL, sf_reader, NULL), 0);
	while (!__atomic_load_n(&sf_ready, __ATOMIC_SEQ_CST))
		usleep(1000);
	usleep(20 * 1000);
	assert_int_equal(rump_sys_tkill(sf_tid, SIGUSR2), 0);
	pthread_join(t, NULL);
	assert_int_equal(sf_ret, 128);
	assert_int_equal(sf_rec.signo, SIGUSR2);
	rump_sys_close(sfd);
	/* Errors. */
	assert_fail(rump_sys_signalfd4(-1, &set, 4, 0), EINVAL);
	assert_fail(rump_sys_signalfd4(-1, &set, 8, 1), EINVAL);
	assert_fail(rump_sys_signalfd4(-1, NULL, 8, 0), EFAULT);
	assert_fail(rump_sys_signalfd4(999, &set, 8, 0), EBADF);
	assert_int_equal(rump_sys_rt_sigprocmask(SIG_SETMASK, &old, NULL, 8), 0);
}

static void
test_sigqueueinfo(void **state)
{
	siginfo_t si;

	(void)state;
	set_action(SIGUSR1, handler, 0);
	hits[SIGUSR1] = 0;
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	assert_int_equal(rump_sys_rt_sigqueueinfo(rump_sys_getpid(), SIGUSR1,
	    &si), 0);
	assert_int_equal(hits[SIGUSR1], 1);
	assert_int_equal(rump_sys_rt_tgsigqueueinfo(rump_sys_getpid(),
	    rump_sys_gettid(), SIGUSR1, &si), 0);
	assert_int_equal(hits[SIGUSR1], 2);
	assert_fail(rump_sys_rt_sigqueueinfo(rump_sys_getpid(), SIGUSR1, NULL),
	    EFAULT);
	si.si_code = SI_USER;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	assert_fail(rump_sys_rt_sigqueueinfo(1, SIGUSR1, &si), EPERM);
	rump_lwproc_releaselwp();
	set_action(SIGUSR1, KSIG_DFL, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sigaction_errors),
		cmocka_unit_test(test_handler_and_mask),
		cmocka_unit_test(test_interrupted_sleep),
		cmocka_unit_test(test_fatal_default),
		cmocka_unit_test(test_killed_outside),
		cmocka_unit_test(test_permission),
		cmocka_unit_test(test_alarm_itimer),
		cmocka_unit_test(test_sigtimedwait),
		cmocka_unit_test(test_sa_restart),
		cmocka_unit_test(test_signalfd),
		cmocka_unit_test(test_sigqueueinfo),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
