/*
 * test_fsize.c -- RLIMIT_FSIZE as the VFS enforces it, with the signal
 * side a conformance case cannot see hosted (its signal() is the host's):
 * SIGXFSZ reaches a handler installed in the kernel once per refusal and
 * never for a short write; ignored, or left at its default in a hosted
 * program, the caller just gets EFBIG.  Also the paths that write without
 * write(2): sendfile, copy_file_range, fallocate, truncate.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define KSIGXFSZ 25

/* The kernel's struct sigaction (abi/signal.h). */
struct ksigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	uint64_t mask;
};
#define KSIG_IGN ((void (*)(int))1)
#define KSIG_DFL ((void (*)(int))0)

static volatile int xfsz;

static void
on_xfsz(int sig)
{
	if (sig == KSIGXFSZ)
		xfsz++;
}

static void
set_action(void (*h)(int))
{
	struct ksigaction sa = { h, 0, NULL, 0 };

	assert_int_equal(rump_sys_rt_sigaction(KSIGXFSZ, &sa, NULL, 8), 0);
}

static void
set_limit(rlim_t n)
{
	struct rlimit rl = { n, RLIM_INFINITY };

	assert_int_equal(rump_sys_setrlimit(RLIMIT_FSIZE, &rl), 0);
}

static int
new_file(const char *path)
{
	int fd = rump_sys_open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	return fd;
}

static void
test_handler_once_per_refusal(void **state)
{
	char buf[100] = { 0 };
	int fd;

	(void)state;
	set_action(on_xfsz);
	fd = new_file("/h");
	set_limit(50);
	xfsz = 0;
	assert_int_equal(rump_sys_write(fd, buf, sizeof(buf)), 50);
	assert_int_equal(xfsz, 0);
	errno = 0;
	assert_int_equal(rump_sys_write(fd, buf, 1), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(xfsz, 1);
	assert_int_equal(rump_sys_ftruncate(fd, 51), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(xfsz, 2);
	/* Shrinking is no growth: no signal. */
	assert_int_equal(rump_sys_ftruncate(fd, 10), 0);
	assert_int_equal(xfsz, 2);
	assert_int_equal(rump_sys_fallocate(fd, 0, 0, 60), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(xfsz, 3);
	set_limit(RLIM_INFINITY);
	set_action(KSIG_DFL);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/h"), 0);
}

static void
test_ignored_and_default(void **state)
{
	int fd;

	(void)state;
	fd = new_file("/d");
	set_limit(4);
	set_action(KSIG_IGN);
	assert_int_equal(rump_sys_pwrite64(fd, "abcdef", 6, 0), 4);
	assert_int_equal(rump_sys_pwrite64(fd, "x", 1, 4), -1);
	assert_int_equal(errno, EFBIG);
	/* The default action does not end a hosted program. */
	set_action(KSIG_DFL);
	assert_int_equal(rump_sys_pwrite64(fd, "x", 1, 100), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(rump_sys_truncate("/d", 5), -1);
	assert_int_equal(errno, EFBIG);
	set_limit(RLIM_INFINITY);
	assert_int_equal(rump_sys_close(fd), 0);
	assert_int_equal(rump_sys_unlink("/d"), 0);
}

/* sendfile and copy_file_range write through the same path. */
static void
test_copy_paths(void **state)
{
	char buf[64];
	int in, out;

	(void)state;
	memset(buf, 'c', sizeof(buf));
	in = new_file("/in");
	assert_int_equal(rump_sys_write(in, buf, sizeof(buf)), 64);
	out = new_file("/out");
	set_action(KSIG_IGN);
	set_limit(40);
	assert_int_equal(rump_sys_sendfile(out, in, &(off_t){ 0 }, 64), 40);
	assert_int_equal(rump_sys_sendfile(out, in, &(off_t){ 0 }, 64), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(rump_sys_copy_file_range(in, &(int64_t){ 0 }, out,
	    &(int64_t){ 30 }, 64, 0), 10);
	set_limit(RLIM_INFINITY);
	set_action(KSIG_DFL);
	assert_int_equal(rump_sys_close(in), 0);
	assert_int_equal(rump_sys_close(out), 0);
	assert_int_equal(rump_sys_unlink("/in"), 0);
	assert_int_equal(rump_sys_unlink("/out"), 0);
}

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handler_once_per_refusal),
		cmocka_unit_test(test_ignored_and_default),
		cmocka_unit_test(test_copy_paths),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
