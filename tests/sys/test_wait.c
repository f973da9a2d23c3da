/* test_wait.c -- wait4 and waitid for child processes made with
 * rump_lwproc_rfork, SIGCHLD, and reparenting when a parent exits. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
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

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

/* From the current process, make a child that exits with code; back in
 * the parent, return the child's pid. */
static pid_t
child_exits(int code)
{
	struct lwp *parent = rump_lwproc_curlwp();
	pid_t pid;

	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	pid = rump_sys_getpid();
	rump_sys_exit(code);
	assert_null(rump_lwproc_curlwp());
	rump_lwproc_switch(parent);
	return pid;
}

static void
test_wait4(void **state)
{
	pid_t a, b, c;
	int st;

	(void)state;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	a = rump_sys_getpid();
	assert_fail(rump_sys_wait4(-1, &st, 0, NULL), ECHILD);
	assert_fail(rump_sys_wait4(-1, &st, 0x12345678, NULL), EINVAL);
	b = child_exits(3);
	c = child_exits(4);
	assert_int_equal(rump_sys_getpid(), a);
	assert_int_equal(rump_sys_wait4(c, &st, 0, NULL), c);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 4);
	assert_int_equal(rump_sys_wait4(-1, &st, WNOHANG, NULL), b);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 3);
	assert_fail(rump_sys_wait4(-1, &st, 0, NULL), ECHILD);
	assert_fail(rump_sys_wait4(b, &st, 0, NULL), ECHILD);

	/* Killed by a signal. */
	struct lwp *self = rump_lwproc_curlwp();
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	b = rump_sys_getpid();
	rump_sys_kill(b, SIGKILL);
	rump_lwproc_switch(self);
	assert_int_equal(rump_sys_wait4(0, &st, 0, NULL), b);
	assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

	/* waitid, with WNOWAIT leaving the zombie. */
	siginfo_t si;
	b = child_exits(9);
	memset(&si, 0xff, sizeof(si));
	assert_int_equal(rump_sys_waitid(P_PID, b, &si, WEXITED | WNOWAIT,
	    NULL), 0);
	assert_int_equal(si.si_pid, b);
	assert_int_equal(si.si_signo, SIGCHLD);
	assert_int_equal(si.si_code, CLD_EXITED);
	assert_int_equal(si.si_status, 9);
	assert_int_equal(rump_sys_waitid(P_ALL, 0, &si, WEXITED, NULL), 0);
	assert_int_equal(si.si_pid, b);
	assert_fail(rump_sys_waitid(P_ALL, 0, &si, WEXITED, NULL), ECHILD);
	assert_fail(rump_sys_waitid(P_ALL, 0, &si, 0, NULL), EINVAL);
	assert_fail(rump_sys_waitid(7, 0, &si, WEXITED, NULL), EINVAL);
	assert_fail(rump_sys_waitid(P_PID, -3, &si, WEXITED, NULL), EINVAL);
	rump_lwproc_releaselwp();
}

static pid_t late_parent, late_child;

static void *
late_exit(void *arg)
{
	struct timespec ts = { 0, 50 * 1000 * 1000 };

	(void)arg;
	assert_int_equal(rump_lwproc_newlwp(late_parent), 0);
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	late_child = rump_sys_getpid();
	rump_sys_nanosleep(&ts, NULL);
	rump_sys_exit_group(12);
	return NULL;
}

static void
test_wait_blocks(void **state)
{
	pthread_t t;
	int st;
	pid_t got;

	(void)state;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	late_parent = rump_sys_getpid();
	late_child = 0;
	assert_int_equal(pthread_create(&t, NULL, late_exit, NULL), 0);
	while (__atomic_load_n(&late_child, __ATOMIC_SEQ_CST) == 0)
		usleep(1000);
	assert_int_equal(rump_sys_wait4(late_child, &st, WNOHANG, NULL), 0);
	got = rump_sys_wait4(-1, &st, 0, NULL);
	assert_int_equal(got, late_child);
	assert_int_equal(WEXITSTATUS(st), 12);
	pthread_join(t, NULL);
	rump_lwproc_releaselwp();
}

static void
test_reparent(void **state)
{
	struct lwp *top, *mid, *leaf;
	pid_t def, midpid;

	(void)state;
	def = rump_sys_getpid();  /* the default process */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	top = rump_lwproc_curlwp();
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	mid = rump_lwproc_curlwp();
	midpid = rump_sys_getpid();
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	leaf = rump_lwproc_curlwp();
	assert_int_equal(rump_sys_getppid(), midpid);
	/* The middle process exits: the leaf goes to the default process
	 * instead of keeping a dangling parent. */
	rump_lwproc_switch(mid);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(leaf);
	assert_int_equal(rump_sys_getppid(), def);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(top);
	rump_lwproc_releaselwp();
	/* The default process reaps what the host program's children left. */
	int st;
	while (rump_sys_wait4(-1, &st, WNOHANG, NULL) > 0)
		;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wait4),
		cmocka_unit_test(test_wait_blocks),
		cmocka_unit_test(test_reparent),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
