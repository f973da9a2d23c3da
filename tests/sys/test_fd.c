/* test_fd.c -- descriptors through the public API: dup*, fcntl, close,
 * read/write/readv/writev/pread on pipes, and their Linux error codes. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

/* Expect call to fail with -1 and errno e. */
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

static void
test_pipe_basic(void **state)
{
	int fds[2];
	char buf[16];
	struct stat st;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	assert_int_equal(rump_sys_write(fds[1], "hello", 5), 5);
	assert_int_equal(rump_sys_read(fds[0], buf, sizeof(buf)), 5);
	assert_memory_equal(buf, "hello", 5);
	assert_int_equal(rump_sys_fstat(fds[0], &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	/* Wrong direction. */
	assert_fail(rump_sys_read(fds[1], buf, 1), EBADF);
	assert_fail(rump_sys_write(fds[0], buf, 1), EBADF);
	/* Positioned I/O and seeking need a seekable file. */
	assert_fail(rump_sys_pread64(fds[0], buf, 1, 0), ESPIPE);
	assert_fail(rump_sys_pwrite64(fds[1], buf, 1, 0), ESPIPE);
	assert_fail(rump_sys_lseek(fds[0], 0, SEEK_SET), ESPIPE);
	/* Bad buffers. */
	assert_fail(rump_sys_write(fds[1], NULL, 1), EFAULT);
	assert_fail(rump_sys_read(fds[0], (void *)8, 1), EFAULT);
	assert_fail(rump_sys_fstat(fds[0], NULL), EFAULT);
	assert_fail(rump_sys_read(fds[0], buf, SIZE_MAX), EFAULT);
	assert_fail(rump_sys_pipe(NULL), EFAULT);
	assert_fail(rump_sys_pipe2(fds, 0x1), EINVAL);
	/* The buffer size: a power of two of at least a page. */
	assert_int_equal(rump_sys_fcntl(fds[0], F_GETPIPE_SZ, 0), 65536);
	assert_int_equal(rump_sys_fcntl(fds[1], F_SETPIPE_SZ, 5000), 8192);
	assert_int_equal(rump_sys_fcntl(fds[0], F_GETPIPE_SZ, 0), 8192);
	assert_int_equal(rump_sys_write(fds[1], buf, 10), 10);
	assert_int_equal(rump_sys_fcntl(fds[1], F_SETPIPE_SZ, 1), 4096);
	assert_fail(rump_sys_fcntl(fds[1], F_SETPIPE_SZ, 1 << 30), EPERM);
	assert_int_equal(rump_sys_read(fds[0], buf, sizeof(buf)), 10);
	/* EOF once the writer is gone; EPIPE once the reader is. */
	assert_int_equal(rump_sys_close(fds[1]), 0);
	assert_int_equal(rump_sys_read(fds[0], buf, sizeof(buf)), 0);
	assert_int_equal(rump_sys_close(fds[0]), 0);
	assert_int_equal(rump_sys_pipe(fds), 0);
	assert_int_equal(rump_sys_close(fds[0]), 0);
	assert_fail(rump_sys_write(fds[1], "x", 1), EPIPE);
	struct pollfd p = { fds[1], POLLOUT, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 0), 1);
	assert_int_equal(p.revents, POLLOUT | POLLERR);  /* as Linux */
	assert_int_equal(rump_sys_close(fds[1]), 0);
	assert_fail(rump_sys_close(fds[1]), EBADF);
	assert_fail(rump_sys_close(-1), EBADF);
}

static void
test_dup(void **state)
{
	int fds[2], fd, fd2;
	char c;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	fd = rump_sys_dup(fds[1]);
	assert_true(fd > fds[1]);
	assert_int_equal(rump_sys_write(fd, "a", 1), 1);
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 1);
	assert_int_equal(c, 'a');
	assert_fail(rump_sys_dup(-1), EBADF);
	assert_fail(rump_sys_dup(1000), EBADF);

	/* dup2 onto an open descriptor closes it first. */
	assert_int_equal(rump_sys_dup2(fds[0], fd), fd);
	assert_fail(rump_sys_write(fd, "a", 1), EBADF);  /* now a read end */
	assert_int_equal(rump_sys_dup2(fd, fd), fd);
	assert_fail(rump_sys_dup2(999, 999), EBADF);
	assert_fail(rump_sys_dup2(fds[0], -1), EBADF);
	assert_fail(rump_sys_dup2(fds[0], 1 << 20), EBADF);
	assert_fail(rump_sys_dup3(fds[0], fds[0], 0), EINVAL);
	assert_fail(rump_sys_dup3(fds[0], fd, 0x1), EINVAL);
	fd2 = 100;
	assert_int_equal(rump_sys_dup3(fds[0], fd2, O_CLOEXEC), fd2);
	assert_int_equal(rump_sys_fcntl(fd2, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(rump_sys_fcntl(fd, F_GETFD, 0), 0);

	/* fcntl. */
	assert_int_equal(rump_sys_fcntl(fds[0], F_DUPFD, 50), 50);
	assert_int_equal(rump_sys_fcntl(fds[0], F_DUPFD, 50), 51);
	assert_int_equal(rump_sys_fcntl(fds[0], F_DUPFD_CLOEXEC, 50), 52);
	assert_int_equal(rump_sys_fcntl(52, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(rump_sys_fcntl(52, F_SETFD, 0), 0);
	assert_int_equal(rump_sys_fcntl(52, F_GETFD, 0), 0);
	assert_int_equal(rump_sys_ioctl(52, FIOCLEX, NULL), 0);
	assert_int_equal(rump_sys_fcntl(52, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(rump_sys_ioctl(52, FIONCLEX, NULL), 0);
	assert_int_equal(rump_sys_fcntl(52, F_GETFD, 0), 0);
	assert_fail(rump_sys_fcntl(fds[0], F_DUPFD, -1), EINVAL);
	assert_fail(rump_sys_fcntl(fds[0], F_DUPFD, 1 << 20), EINVAL);
	assert_fail(rump_sys_fcntl(fds[0], 9999, 0), EINVAL);
	assert_fail(rump_sys_fcntl(-5, F_GETFD, 0), EBADF);
	assert_int_equal(rump_sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY);
	assert_int_equal(rump_sys_fcntl(fds[1], F_GETFL, 0), O_WRONLY);
	assert_int_equal(rump_sys_fcntl(fds[0], F_SETFL, O_NONBLOCK | O_RDWR), 0);
	assert_int_equal(rump_sys_fcntl(fds[0], F_GETFL, 0), O_RDONLY | O_NONBLOCK);
	assert_fail(rump_sys_read(fds[0], &c, 1), EAGAIN);
	assert_fail(rump_sys_read(50, &c, 1), EAGAIN);  /* shared file */
	int off = 0;
	assert_int_equal(rump_sys_ioctl(fds[0], FIONBIO, &off), 0);
	assert_int_equal(rump_sys_fcntl(50, F_GETFL, 0), O_RDONLY);
	assert_fail(rump_sys_ioctl(fds[0], TCGETS, &off), ENOTTY);
	assert_fail(rump_sys_ioctl(fds[0], FIONBIO, NULL), EFAULT);
	assert_int_equal(rump_sys_fcntl(fds[0], F_GETPIPE_SZ, 0), 65536);
	int n = 7;
	assert_int_equal(rump_sys_write(fds[1], "1234567", 7), 7);
	n = 0;
	assert_int_equal(rump_sys_ioctl(fds[0], FIONREAD, &n), 0);
	assert_int_equal(n, 7);

	for (int i = 0; i < 200; i++)
		rump_sys_close(i);
}

static void
test_rlimit_nofile(void **state)
{
	struct rlimit rl, old;
	int fds[2], fd;

	(void)state;
	assert_int_equal(rump_sys_getrlimit(RLIMIT_NOFILE, &old), 0);
	rl.rlim_cur = 10;
	rl.rlim_max = old.rlim_max;
	assert_int_equal(rump_sys_setrlimit(RLIMIT_NOFILE, &rl), 0);
	assert_int_equal(rump_sys_pipe(fds), 0);
	while ((fd = rump_sys_dup(fds[0])) >= 0)
		assert_true(fd < 10);
	assert_int_equal(errno, EMFILE);
	assert_fail(rump_sys_pipe(fds), EMFILE);
	assert_fail(rump_sys_fcntl(fds[0], F_DUPFD, 10), EINVAL);
	assert_fail(rump_sys_dup2(fds[0], 10), EBADF);
	for (int i = 0; i < 10; i++)
		rump_sys_close(i);
	assert_int_equal(rump_sys_setrlimit(RLIMIT_NOFILE, &old), 0);
}

static void
test_readv_writev(void **state)
{
	int fds[2];
	char a[3] = "abc", b[4] = "defg", out[7];
	struct iovec iov[2] = { { a, 3 }, { b, 4 } };
	struct iovec oiov[2] = { { out, 2 }, { out + 2, 5 } };

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	assert_int_equal(rump_sys_writev(fds[1], iov, 2), 7);
	assert_int_equal(rump_sys_readv(fds[0], oiov, 2), 7);
	assert_memory_equal(out, "abcdefg", 7);
	assert_int_equal(rump_sys_writev(fds[1], iov, 0), 0);
	assert_fail(rump_sys_writev(fds[1], iov, -1), EINVAL);
	assert_fail(rump_sys_writev(fds[1], iov, 1025), EINVAL);
	assert_fail(rump_sys_writev(fds[1], NULL, 1), EFAULT);
	iov[1].iov_base = NULL;
	assert_fail(rump_sys_writev(fds[1], iov, 2), EFAULT);
	assert_fail(rump_sys_preadv(fds[0], oiov, 2, 0, 0), ESPIPE);
	assert_fail(rump_sys_preadv(fds[0], oiov, 2, (unsigned long)-1, 0), EINVAL);
	rump_sys_close(fds[0]);
	rump_sys_close(fds[1]);
}

static void
test_fork_tables(void **state)
{
	int fds[2];
	char c;

	(void)state;
	assert_int_equal(rump_sys_pipe(fds), 0);
	/* A copied table shares the open files. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	assert_int_equal(rump_sys_write(fds[1], "k", 1), 1);
	assert_int_equal(rump_sys_close(fds[0]), 0);
	rump_lwproc_releaselwp();
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 1);  /* still ours */
	assert_int_equal(c, 'k');
	/* An empty table has nothing. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFCFDG), 0);
	assert_fail(rump_sys_write(fds[1], "k", 1), EBADF);
	rump_lwproc_releaselwp();
	/* A child that exits closes its copies: EOF once ours is gone. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	rump_lwproc_releaselwp();
	assert_int_equal(rump_sys_close(fds[1]), 0);
	assert_int_equal(rump_sys_read(fds[0], &c, 1), 0);
	assert_int_equal(rump_sys_close(fds[0]), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pipe_basic),
		cmocka_unit_test(test_dup),
		cmocka_unit_test(test_rlimit_nofile),
		cmocka_unit_test(test_readv_writev),
		cmocka_unit_test(test_fork_tables),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
