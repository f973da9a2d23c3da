/* test_exit_halt.c -- exit of an image's program (a process marked with
 * rump_lwproc_haltonexit) ends the host with its status: by exit_group
 * with other threads still around, by the last lwp's exit, by a fatal
 * signal, and by SIGPIPE's default action.  Each case runs in a forked host process of its own. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

static volatile int prog_pid;

/* A second thread of the program that stays outside the kernel. */
static void *
idle_thread(void *arg)
{
	(void)arg;
	if (rump_lwproc_newlwp(prog_pid) != 0)
		_exit(90);
	for (;;)
		pause();
	return NULL;
}

static void
start_program(void)
{
	if (rump_init() != 0)
		_exit(91);
	if (rump_lwproc_rfork(RUMP_RFCFDG) != 0)
		_exit(92);
	rump_lwproc_haltonexit();
	prog_pid = rump_sys_getpid();
}

/* Run body in a forked child; its exit status. */
static int
run_forked(void (*body)(void))
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(10);  /* a hang fails the test instead of blocking it */
		body();
		_exit(93);  /* the kernel should have ended us */
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void
exit_group_with_thread(void)
{
	pthread_t t;

	start_program();
	pthread_create(&t, NULL, idle_thread, NULL);
	usleep(50 * 1000);
	rump_sys_exit_group(7);
}

static void
exit_last_lwp(void)
{
	start_program();
	rump_sys_exit(5);
}

static void
fatal_signal(void)
{
	start_program();
	rump_sys_kill(prog_pid, SIGTERM);
}

/* An image's program writing to a pipe nobody reads dies of SIGPIPE. */
static void
sigpipe_default(void)
{
	int fds[2];

	start_program();
	if (rump_sys_pipe(fds) != 0 || rump_sys_close(fds[0]) != 0)
		_exit(94);
	rump_sys_write(fds[1], "x", 1);
}

static void
test_exit_halts(void **state)
{
	(void)state;
	assert_int_equal(run_forked(exit_group_with_thread), 7);
	assert_int_equal(run_forked(exit_last_lwp), 5);
	assert_int_equal(run_forked(fatal_signal), 128 + SIGTERM);
	assert_int_equal(run_forked(sigpipe_default), 128 + SIGPIPE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exit_halts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
