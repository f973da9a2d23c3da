/* test_console.c -- console write/read/putchar and rumpuser_exit. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakehyp.h"

/* Big enough that a pipe takes it in several partial writes. */
#define BIGLEN (1024 * 1024)

struct drain {
	int fd;
	char *buf;
	size_t len;
};

/* Reads the pipe to its end while the test writes into it. */
static void *
drainer(void *arg)
{
	struct drain *d = arg;
	ssize_t n;

	while ((n = read(d->fd, d->buf + d->len, BIGLEN + 16 - d->len)) > 0)
		d->len += (size_t)n;
	return NULL;
}

/* Run one console_write with host fd `fd` redirected into a pipe. */
static void
write_redirected(int stream, int fd, const char *data, size_t len)
{
	struct fakehyp_counts c;
	struct drain d;
	pthread_t tid;
	int p[2], saved;

	d.buf = malloc(BIGLEN + 16);
	d.len = 0;
	assert_non_null(d.buf);
	fflush(NULL);
	assert_int_equal(pipe(p), 0);
	d.fd = p[0];
	saved = dup(fd);
	assert_true(saved >= 0);
	assert_int_equal(dup2(p[1], fd), fd);
	close(p[1]);
	assert_int_equal(pthread_create(&tid, NULL, drainer, &d), 0);

	fakehyp_enter();
	fakehyp_reset();
	assert_int_equal(rumpuser_console_write(stream, data, len), 0);
	c = fakehyp_get();
	fakehyp_leave();

	assert_int_equal(dup2(saved, fd), fd);
	close(saved);
	pthread_join(tid, NULL);
	close(p[0]);
	assert_int_equal(d.len, len);
	assert_memory_equal(d.buf, data, len);
	assert_int_equal(c.nunsched, 1);
	assert_int_equal(c.nsched, 1);
	assert_int_equal(c.nviolation, 0);
	free(d.buf);
}

static void
test_console_write(void **state)
{
	char *big;
	size_t i;

	(void)state;
	write_redirected(RUMPUSER_CONSOLE_OUT, 1, "hello, out\n", 11);
	write_redirected(RUMPUSER_CONSOLE_ERR, 2, "hello, err\n", 11);
	big = malloc(BIGLEN);
	assert_non_null(big);
	for (i = 0; i < BIGLEN; i++)
		big[i] = (char)(i * 7 + i / 251);
	write_redirected(RUMPUSER_CONSOLE_OUT, 1, big, BIGLEN);
	free(big);
	assert_int_equal(rumpuser_console_write(3, "x", 1), EINVAL);
	assert_int_equal(rumpuser_console_write(0, "x", 1), EINVAL);
}

static void
test_putchar(void **state)
{
	int p[2], saved;
	char buf[8];

	(void)state;
	fflush(NULL);
	assert_int_equal(pipe(p), 0);
	saved = dup(2);
	assert_int_equal(dup2(p[1], 2), 2);
	fakehyp_reset();
	rumpuser_putchar('o');
	rumpuser_putchar('k');
	assert_int_equal(fakehyp_get().nunsched, 0);
	assert_int_equal(dup2(saved, 2), 2);
	close(saved);
	close(p[1]);
	assert_int_equal(read(p[0], buf, sizeof(buf)), 2);
	assert_memory_equal(buf, "ok", 2);
	close(p[0]);
}

static void
test_console_read(void **state)
{
	struct fakehyp_counts c;
	int p[2], saved;
	uint64_t rv = 99;
	char buf[16];

	(void)state;
	assert_int_equal(pipe(p), 0);
	saved = dup(0);
	assert_int_equal(dup2(p[0], 0), 0);
	close(p[0]);
	assert_int_equal(write(p[1], "abc", 3), 3);

	fakehyp_enter();
	fakehyp_reset();
	assert_int_equal(rumpuser_console_read(buf, sizeof(buf), &rv), 0);
	assert_int_equal(rv, 3);
	assert_memory_equal(buf, "abc", 3);
	close(p[1]);
	assert_int_equal(rumpuser_console_read(buf, sizeof(buf), &rv), 0);
	assert_int_equal(rv, 0);
	c = fakehyp_get();
	fakehyp_leave();
	assert_int_equal(c.nunsched, 2);
	assert_int_equal(c.nsched, 2);
	assert_int_equal(c.nviolation, 0);

	assert_int_equal(rumpuser_console_read(buf, sizeof(buf), NULL), EINVAL);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
}

static int
exit_status(int value)
{
	struct rlimit nocore = { 0, 0 };
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setrlimit(RLIMIT_CORE, &nocore);
		rumpuser_exit(value);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void
test_exit(void **state)
{
	int status;

	(void)state;
	status = exit_status(0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	status = exit_status(7);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 7);
	status = exit_status(255);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 255);
	status = exit_status(RUMPUSER_PANIC);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_console_write),
		cmocka_unit_test(test_putchar),
		cmocka_unit_test(test_console_read),
		cmocka_unit_test(test_exit),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_console", tests, NULL, NULL);
}
