/* test_file.c -- host files: open/close, file info, iovread/iovwrite, sync. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fakehyp.h"

static char dir[64];
static char path[128];

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/rumpuser-file.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/f", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

/* Every blocking file call releases and retakes the CPU exactly once. */
static void
check_one_wrap(struct fakehyp_counts before)
{
	struct fakehyp_counts after = fakehyp_get();

	assert_int_equal(after.nunsched - before.nunsched, 1);
	assert_int_equal(after.nsched - before.nsched, 1);
	assert_int_equal(after.nviolation - before.nviolation, 0);
}

static void
test_open_close(void **state)
{
	struct fakehyp_counts b;
	int fd = -1, fd2;

	(void)state;
	fakehyp_enter();
	unlink(path);
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_RDONLY, &fd),
	    ENOENT);
	assert_int_equal(fd, -1);
	b = fakehyp_get();
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_RDWR |
	    RUMPUSER_OPEN_CREATE | RUMPUSER_OPEN_EXCL, &fd), 0);
	check_one_wrap(b);
	assert_true(fd >= 0);
	/* Not inherited by the host program's children. */
	assert_true(fcntl(fd, F_GETFD) & FD_CLOEXEC);
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_RDWR |
	    RUMPUSER_OPEN_CREATE | RUMPUSER_OPEN_EXCL, &fd2), EEXIST);
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_ACCMODE, &fd2),
	    EINVAL);
	assert_int_equal(rumpuser_open(path, 0x100, &fd2), EINVAL);
	assert_int_equal(rumpuser_open(NULL, RUMPUSER_OPEN_RDONLY, &fd2),
	    EINVAL);
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_WRONLY |
	    RUMPUSER_OPEN_BIO, &fd2), 0);
	assert_int_equal(fcntl(fd2, F_GETFL) & O_ACCMODE, O_WRONLY);
	assert_int_equal(rumpuser_close(fd2), 0);
	b = fakehyp_get();
	assert_int_equal(rumpuser_close(fd), 0);
	check_one_wrap(b);
	assert_int_equal(rumpuser_close(fd), EBADF);
	fakehyp_leave();
}

static void
test_fileinfo(void **state)
{
	struct fakehyp_counts b;
	uint64_t size = 0;
	int type = -1, fd;

	(void)state;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);

	fakehyp_enter();
	b = fakehyp_get();
	assert_int_equal(rumpuser_getfileinfo(path, &size, &type), 0);
	check_one_wrap(b);
	assert_int_equal(size, 10);
	assert_int_equal(type, RUMPUSER_FT_REG);
	assert_int_equal(rumpuser_getfileinfo(dir, NULL, &type), 0);
	assert_int_equal(type, RUMPUSER_FT_DIR);
	assert_int_equal(rumpuser_getfileinfo("/dev/null", &size, NULL), 0);
	assert_int_equal(rumpuser_getfileinfo("/dev/null", NULL, &type), 0);
	assert_int_equal(type, RUMPUSER_FT_CHR);
	assert_int_equal(rumpuser_getfileinfo("/nonexistent/x", &size, &type),
	    ENOENT);
	assert_int_equal(rumpuser_getfileinfo(NULL, &size, &type), EINVAL);
	fakehyp_leave();
}

/*
 * The first openable block device, checked against sysfs; one with a
 * size (not an unattached loop device) if there is one.
 */
static int
blockdev_check(int nonempty)
{
	char dev[300], sys[300];
	unsigned long long sectors;
	struct dirent *de;
	uint64_t size;
	DIR *d;
	FILE *f;
	int type, found = 0;

	if ((d = opendir("/sys/block")) == NULL)
		return 0;
	while (!found && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(dev, sizeof(dev), "/dev/%s", de->d_name);
		snprintf(sys, sizeof(sys), "/sys/block/%s/size", de->d_name);
		if (access(dev, R_OK) != 0 || (f = fopen(sys, "r")) == NULL)
			continue;
		if (fscanf(f, "%llu", &sectors) == 1 &&
		    (sectors > 0 || !nonempty) &&
		    rumpuser_getfileinfo(dev, &size, &type) == 0) {
			print_message("block device %s: %llu bytes\n", dev,
			    (unsigned long long)size);
			assert_int_equal(type, RUMPUSER_FT_BLK);
			/* sysfs counts 512-byte sectors whatever the device. */
			assert_int_equal(size, sectors * 512);
			found = 1;
		}
		fclose(f);
	}
	closedir(d);
	return found;
}

static void
test_fileinfo_blockdev(void **state)
{
	(void)state;
	fakehyp_enter();
	if (!blockdev_check(1) && !blockdev_check(0)) {
		fakehyp_leave();
		skip();
	}
	fakehyp_leave();
}

static void
test_iov(void **state)
{
	char a[5] = "hello", b[1] = { ' ' }, c[5] = "world", out[16];
	struct rumpuser_iovec wr[3] = { { a, 5 }, { b, 1 }, { c, 5 } };
	struct rumpuser_iovec rd[2] = { { out, 3 }, { out + 3, 13 } };
	struct fakehyp_counts bf;
	uint64_t n;
	int fd;

	(void)state;
	fakehyp_enter();
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_RDWR |
	    RUMPUSER_OPEN_CREATE, &fd), 0);
	assert_int_equal(ftruncate(fd, 0), 0);

	/* Positioned: at 100, leaving a hole, the file position untouched. */
	bf = fakehyp_get();
	assert_int_equal(rumpuser_iovwrite(fd, wr, 3, 100, &n), 0);
	check_one_wrap(bf);
	assert_int_equal(n, 11);
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 0);
	memset(out, 'x', sizeof(out));
	bf = fakehyp_get();
	assert_int_equal(rumpuser_iovread(fd, rd, 2, 100, &n), 0);
	check_one_wrap(bf);
	assert_int_equal(n, 11);
	assert_memory_equal(out, "hello world", 11);
	assert_int_equal(rumpuser_iovread(fd, rd, 2, 0, &n), 0);
	assert_int_equal(n, 16);
	assert_int_equal(out[0], 0);
	/* At end of file: 0 bytes, no error. */
	assert_int_equal(rumpuser_iovread(fd, rd, 2, 1000, &n), 0);
	assert_int_equal(n, 0);

	/* off < 0: at the file position, which moves. */
	assert_int_equal(lseek(fd, 200, SEEK_SET), 200);
	assert_int_equal(rumpuser_iovwrite(fd, wr, 1, -1, &n), 0);
	assert_int_equal(n, 5);
	assert_int_equal(rumpuser_iovwrite(fd, wr + 2, 1, -1, &n), 0);
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 210);
	assert_int_equal(lseek(fd, 200, SEEK_SET), 200);
	memset(out, 'x', sizeof(out));
	assert_int_equal(rumpuser_iovread(fd, rd, 2, -1, &n), 0);
	assert_int_equal(n, 10);
	assert_memory_equal(out, "helloworld", 10);

	assert_int_equal(rumpuser_iovread(fd, rd, (uint64_t)IOV_MAX + 1, 0,
	    &n), EINVAL);
	assert_int_equal(rumpuser_iovread(fd, rd, 2, 0, NULL), EINVAL);
	assert_int_equal(rumpuser_iovread(-1, rd, 2, 0, &n), EBADF);
	assert_int_equal(rumpuser_iovwrite(fd, NULL, 0, 0, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(rumpuser_close(fd), 0);
	fakehyp_leave();
}

static void
test_syncfd(void **state)
{
	static const int ok[] = { RUMPUSER_SYNCFD_READ, RUMPUSER_SYNCFD_WRITE,
	    RUMPUSER_SYNCFD_WRITE | RUMPUSER_SYNCFD_BARRIER,
	    RUMPUSER_SYNCFD_WRITE | RUMPUSER_SYNCFD_SYNC,
	    RUMPUSER_SYNCFD_BARRIER, 0xf, 0 };
	struct fakehyp_counts b;
	size_t i;
	int fd;

	(void)state;
	fakehyp_enter();
	assert_int_equal(rumpuser_open(path, RUMPUSER_OPEN_RDWR |
	    RUMPUSER_OPEN_CREATE, &fd), 0);
	assert_int_equal(write(fd, "data", 4), 4);
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		b = fakehyp_get();
		assert_int_equal(rumpuser_syncfd(fd, ok[i], 0, 4), 0);
		check_one_wrap(b);
	}
	assert_int_equal(rumpuser_syncfd(fd, RUMPUSER_SYNCFD_WRITE, 0, 0), 0);
	assert_int_equal(rumpuser_syncfd(fd, 0x10, 0, 4), EINVAL);
	assert_int_equal(rumpuser_syncfd(-1, RUMPUSER_SYNCFD_SYNC |
	    RUMPUSER_SYNCFD_WRITE, 0, 0), EBADF);
	assert_int_equal(rumpuser_close(fd), 0);
	fakehyp_leave();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_close),
		cmocka_unit_test(test_fileinfo),
		cmocka_unit_test(test_fileinfo_blockdev),
		cmocka_unit_test(test_iov),
		cmocka_unit_test(test_syncfd),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_file", tests, setup,
	    teardown);
}
