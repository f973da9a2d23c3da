/*
 * test_dev.c -- the devices through the public system call API: the
 * /dev nodes, null/zero/full/random/urandom, and the console as a
 * terminal (isatty-style TCGETS, TIOCGWINSZ) whose output reaches the
 * host.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

static void
test_dev_listing(void **state)
{
	struct stat st;

	(void)state;
	assert_int_equal(rump_sys_stat("/dev", &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(rump_sys_stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(major(st.st_rdev), 1);
	assert_int_equal(minor(st.st_rdev), 3);
	assert_int_equal(st.st_mode & 0777, 0666);
	/* A device node of an unknown driver does not open. */
	assert_int_equal(rump_sys_mknod("/dev/nodrv", S_IFCHR | 0600,
	    makedev(200, 0)), 0);
	errno = 0;
	assert_int_equal(rump_sys_open("/dev/nodrv", O_RDONLY, 0), -1);
	assert_int_equal(errno, ENXIO);
	assert_int_equal(rump_sys_unlink("/dev/nodrv"), 0);
}

static void
test_mem_devices(void **state)
{
	char buf[300];
	int fd;

	(void)state;
	fd = rump_sys_open("/dev/null", O_RDWR, 0);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_write(fd, buf, sizeof(buf)), sizeof(buf));
	assert_int_equal(rump_sys_read(fd, buf, sizeof(buf)), 0);
	rump_sys_close(fd);

	fd = rump_sys_open("/dev/zero", O_RDONLY, 0);
	memset(buf, 7, sizeof(buf));
	assert_int_equal(rump_sys_read(fd, buf, sizeof(buf)), sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		assert_int_equal(buf[i], 0);
	rump_sys_close(fd);

	fd = rump_sys_open("/dev/full", O_WRONLY, 0);
	errno = 0;
	assert_int_equal(rump_sys_write(fd, buf, 1), -1);
	assert_int_equal(errno, ENOSPC);
	rump_sys_close(fd);

	fd = rump_sys_open("/dev/urandom", O_RDONLY, 0);
	assert_int_equal(rump_sys_read(fd, buf, 32), 32);
	rump_sys_close(fd);
	fd = rump_sys_open("/dev/random", O_RDONLY, 0);
	assert_int_equal(rump_sys_read(fd, buf, 16), 16);
	rump_sys_close(fd);
}

static void
test_console(void **state)
{
	struct termios t;
	struct winsize ws;
	int fd;

	(void)state;
	fd = rump_sys_open("/dev/console", O_RDWR, 0);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_ioctl(fd, TCGETS, &t), 0);
	assert_true(t.c_lflag & ICANON);
	assert_int_equal(rump_sys_ioctl(fd, TIOCGWINSZ, &ws), 0);
	assert_int_equal(ws.ws_col, 80);
	assert_int_equal(ws.ws_row, 24);
	assert_int_equal(rump_sys_write(fd, "console ok\n", 11), 11);
	errno = 0;
	assert_int_equal(rump_sys_lseek(fd, 0, SEEK_SET), -1);
	assert_int_equal(errno, ESPIPE);
	rump_sys_close(fd);
	/* A regular file is no terminal. */
	fd = rump_sys_open("/notatty", O_CREAT | O_RDWR, 0644);
	errno = 0;
	assert_int_equal(rump_sys_ioctl(fd, TCGETS, &t), -1);
	assert_int_equal(errno, ENOTTY);
	rump_sys_close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dev_listing),
		cmocka_unit_test(test_mem_devices),
		cmocka_unit_test(test_console),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
