/*
 * test_etfs.c -- host files inside the kernel: rump_etfs_register makes
 * a host file appear at a kernel path; reads and writes reach the host
 * file, stat shows its size, rump_etfs_remove takes it away.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

static char hostpath[256];

static int
setup(void **state)
{
	int fd;

	(void)state;
	snprintf(hostpath, sizeof(hostpath), "%s/etfs.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	fd = mkstemp(hostpath);
	if (fd < 0 || write(fd, "host data\n", 10) != 10)
		return -1;
	close(fd);
	return rump_init();
}

static int
teardown(void **state)
{
	(void)state;
	unlink(hostpath);
	return 0;
}

static void
test_etfs_reg(void **state)
{
	char buf[64];
	struct stat st;
	int fd, hfd;

	(void)state;
	assert_int_equal(rump_etfs_register("/hostfile", hostpath,
	    RUMP_ETFS_REG), 0);
	assert_int_equal(rump_sys_stat("/hostfile", &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_size, 10);
	fd = rump_sys_open("/hostfile", O_RDWR, 0);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_read(fd, buf, sizeof(buf)), 10);
	assert_memory_equal(buf, "host data\n", 10);
	assert_int_equal(rump_sys_pwrite64(fd, "HOST", 4, 0), 4);
	assert_int_equal(rump_sys_write(fd, "more\n", 5), 5);
	assert_int_equal(rump_sys_fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 15);
	errno = 0;
	assert_int_equal(rump_sys_ftruncate(fd, 0), -1);
	assert_int_equal(errno, EOPNOTSUPP);
	assert_int_equal(rump_sys_fsync(fd), 0);
	assert_int_equal(rump_sys_close(fd), 0);
	/* The host sees what the kernel wrote. */
	hfd = open(hostpath, O_RDONLY);
	assert_true(hfd >= 0);
	assert_int_equal(read(hfd, buf, sizeof(buf)), 15);
	assert_memory_equal(buf, "HOST data\nmore\n", 15);
	close(hfd);

	assert_int_equal(rump_etfs_register("/hostfile", hostpath,
	    RUMP_ETFS_REG), EEXIST);
	assert_int_equal(rump_etfs_remove("/hostfile"), 0);
	errno = 0;
	assert_int_equal(rump_sys_stat("/hostfile", &st), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(rump_etfs_remove("/hostfile"), ENOENT);
}

static void
test_etfs_blk_and_errors(void **state)
{
	char buf[16];
	struct stat st;
	int fd;

	(void)state;
	assert_int_equal(rump_etfs_register("relative", hostpath,
	    RUMP_ETFS_REG), EINVAL);
	assert_int_equal(rump_etfs_register("/x", hostpath, 77), EINVAL);
	assert_int_equal(rump_etfs_register("/x", "/nonexistent/file",
	    RUMP_ETFS_REG), ENOENT);
	assert_int_equal(rump_etfs_register("/nodir/x", hostpath,
	    RUMP_ETFS_REG), ENOENT);
	assert_int_equal(rump_etfs_register("/disk", hostpath,
	    RUMP_ETFS_BLK), 0);
	assert_int_equal(rump_sys_stat("/disk", &st), 0);
	assert_true(S_ISBLK(st.st_mode));
	fd = rump_sys_open("/disk", O_RDONLY, 0);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_pread64(fd, buf, 4, 5), 4);
	assert_memory_equal(buf, "data", 4);
	/* Removing while open: the open file keeps working. */
	assert_int_equal(rump_etfs_remove("/disk"), 0);
	assert_int_equal(rump_sys_pread64(fd, buf, 4, 0), 4);
	assert_memory_equal(buf, "HOST", 4);
	assert_int_equal(rump_sys_close(fd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_etfs_reg),
		cmocka_unit_test(test_etfs_blk_and_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
