/*
 * test_vfs.c -- the VFS through the public system call API: mounting
 * and unmounting, chroot and getcwd, per-process cwd (inherited on
 * rfork, fresh = "/"), flock, FIFOs, sendfile / copy_file_range,
 * fallocate, statfs, utimensat, O_PATH, O_APPEND and getdents64.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sendfile.h>
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define TMPFS_MAGIC 0x01021994

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
put(const char *path, const char *data)
{
	int fd = rump_sys_open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(rump_sys_write(fd, data, strlen(data)),
	    (long)strlen(data));
	assert_int_equal(rump_sys_close(fd), 0);
}

static void
test_mount_umount(void **state)
{
	struct statfs sf;
	char buf[64];

	(void)state;
	assert_int_equal(rump_sys_mkdir("/mnt", 0755), 0);
	assert_fail(rump_sys_mount("none", "/mnt", "nosuchfs", 0, NULL), ENODEV);
	assert_int_equal(rump_sys_mount("none", "/mnt", "tmpfs", 0, "size=1m"), 0);
	assert_int_equal(rump_sys_statfs("/mnt", &sf), 0);
	assert_int_equal(sf.f_type, TMPFS_MAGIC);
	assert_int_equal(sf.f_blocks, 256);
	put("/mnt/f", "mounted");
	/* In use: a cwd inside keeps it busy. */
	assert_int_equal(rump_sys_chdir("/mnt"), 0);
	assert_fail(rump_sys_umount2("/mnt", 0), EBUSY);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 5);
	assert_string_equal(buf, "/mnt");
	assert_int_equal(rump_sys_chdir(".."), 0);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "/");
	assert_fail(rump_sys_rmdir("/mnt"), EBUSY);
	assert_fail(rump_sys_rename("/mnt/f", "/moved"), EXDEV);
	assert_fail(rump_sys_link("/mnt/f", "/linked"), EXDEV);
	assert_fail(rump_sys_umount2("/", 0), EBUSY);
	assert_fail(rump_sys_umount2("/dev", 0), EINVAL);
	assert_int_equal(rump_sys_umount2("/mnt", 0), 0);
	assert_fail(rump_sys_open("/mnt/f", O_RDONLY, 0), ENOENT);
	assert_int_equal(rump_sys_rmdir("/mnt"), 0);
}

static void
test_getcwd_chroot(void **state)
{
	char buf[128];
	struct stat st;

	(void)state;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	assert_int_equal(rump_sys_mkdir("/jail", 0755), 0);
	assert_int_equal(rump_sys_mkdir("/jail/in", 0755), 0);
	assert_int_equal(rump_sys_chdir("/jail/in"), 0);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 9);
	assert_string_equal(buf, "/jail/in");
	assert_fail(rump_sys_getcwd(buf, 5), ERANGE);
	assert_int_equal(rump_sys_chroot("/jail"), 0);
	assert_int_equal(rump_sys_chdir("/"), 0);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 2);
	assert_string_equal(buf, "/");
	/* ".." never leaves the root. */
	assert_int_equal(rump_sys_stat("/../../in", &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_fail(rump_sys_stat("/jail", &st), ENOENT);
	rump_lwproc_releaselwp();
	/* The jail was that process's only. */
	assert_int_equal(rump_sys_stat("/jail/in", &st), 0);
}

static void
test_cwd_per_process(void **state)
{
	char buf[64];
	struct lwp *parent = rump_lwproc_curlwp();

	(void)state;
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	parent = rump_lwproc_curlwp();
	assert_int_equal(rump_sys_mkdir("/pa", 0755), 0);
	assert_int_equal(rump_sys_chdir("/pa"), 0);
	/* A child inherits the cwd... */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 4);
	assert_string_equal(buf, "/pa");
	/* ...and changing it does not change the parent's. */
	assert_int_equal(rump_sys_chdir("/"), 0);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(parent);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 4);
	assert_string_equal(buf, "/pa");
	/* A fresh process starts at "/". */
	assert_int_equal(rump_lwproc_newproc(), 0);
	assert_int_equal(rump_sys_getcwd(buf, sizeof(buf)), 2);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(parent);
	rump_lwproc_releaselwp();
}

static void
test_flock(void **state)
{
	int a, b;

	(void)state;
	put("/flock", "x");
	a = rump_sys_open("/flock", O_RDONLY, 0);
	b = rump_sys_open("/flock", O_RDONLY, 0);
	assert_true(a >= 0 && b >= 0);
	assert_int_equal(rump_sys_flock(a, LOCK_SH), 0);
	assert_int_equal(rump_sys_flock(b, LOCK_SH | LOCK_NB), 0);
	assert_fail(rump_sys_flock(b, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	assert_int_equal(rump_sys_flock(a, LOCK_UN), 0);
	assert_int_equal(rump_sys_flock(b, LOCK_EX | LOCK_NB), 0);
	assert_fail(rump_sys_flock(a, LOCK_SH | LOCK_NB), EWOULDBLOCK);
	assert_fail(rump_sys_flock(a, 0), EINVAL);
	/* Closing the holder releases it. */
	assert_int_equal(rump_sys_close(b), 0);
	assert_int_equal(rump_sys_flock(a, LOCK_EX | LOCK_NB), 0);
	assert_int_equal(rump_sys_close(a), 0);
	assert_fail(rump_sys_flock(a, LOCK_EX), EBADF);
}

static void
test_record_locks(void **state)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
		.l_start = 0, .l_len = 10 };
	struct lwp *parent;
	int fd, pid;

	(void)state;
	put("/rlock", "0123456789abcdef");
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	parent = rump_lwproc_curlwp();
	pid = rump_sys_getpid();
	fd = rump_sys_open("/rlock", O_RDWR, 0);
	assert_int_equal(rump_sys_fcntl(fd, F_SETLK, (unsigned long)&fl), 0);
	/* Another process sees the lock and cannot take it. */
	assert_int_equal(rump_lwproc_rfork(RUMP_RFFDG), 0);
	fl = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET,
		.l_start = 5, .l_len = 1 };
	assert_int_equal(rump_sys_fcntl(fd, F_GETLK, (unsigned long)&fl), 0);
	assert_int_equal(fl.l_type, F_WRLCK);
	assert_int_equal(fl.l_start, 0);
	assert_int_equal(fl.l_len, 10);
	assert_int_equal(fl.l_pid, pid);
	fl = (struct flock){ .l_type = F_RDLCK, .l_whence = SEEK_SET,
		.l_start = 5, .l_len = 1 };
	errno = 0;
	assert_int_equal(rump_sys_fcntl(fd, F_SETLK, (unsigned long)&fl), -1);
	assert_int_equal(errno, EAGAIN);
	/* Beyond the locked range is free. */
	fl.l_start = 10;
	assert_int_equal(rump_sys_fcntl(fd, F_SETLK, (unsigned long)&fl), 0);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(parent);
	/* Unlocking the middle splits the lock. */
	fl = (struct flock){ .l_type = F_UNLCK, .l_whence = SEEK_SET,
		.l_start = 3, .l_len = 2 };
	assert_int_equal(rump_sys_fcntl(fd, F_SETLK, (unsigned long)&fl), 0);
	rump_sys_close(fd);
	rump_lwproc_releaselwp();
}

static void
test_fifo(void **state)
{
	char buf[16];
	struct stat st;
	int r, w;

	(void)state;
	assert_int_equal(rump_sys_mknod("/fifo", S_IFIFO | 0644, 0), 0);
	assert_int_equal(rump_sys_stat("/fifo", &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	/* No reader: a non-blocking writer is refused. */
	assert_fail(rump_sys_open("/fifo", O_WRONLY | O_NONBLOCK, 0), ENXIO);
	r = rump_sys_open("/fifo", O_RDONLY | O_NONBLOCK, 0);
	assert_true(r >= 0);
	w = rump_sys_open("/fifo", O_WRONLY, 0);
	assert_true(w >= 0);
	assert_fail(rump_sys_read(r, buf, sizeof(buf)), EAGAIN);
	assert_int_equal(rump_sys_write(w, "hello", 5), 5);
	assert_int_equal(rump_sys_read(r, buf, sizeof(buf)), 5);
	assert_memory_equal(buf, "hello", 5);
	assert_fail(rump_sys_lseek(r, 0, SEEK_SET), ESPIPE);
	assert_int_equal(rump_sys_close(w), 0);
	/* No writer left: end of file. */
	assert_int_equal(rump_sys_read(r, buf, sizeof(buf)), 0);
	assert_int_equal(rump_sys_close(r), 0);
	/* O_RDWR never waits. */
	r = rump_sys_open("/fifo", O_RDWR, 0);
	assert_true(r >= 0);
	assert_int_equal(rump_sys_write(r, "x", 1), 1);
	assert_int_equal(rump_sys_read(r, buf, 1), 1);
	assert_int_equal(rump_sys_close(r), 0);
	assert_int_equal(rump_sys_unlink("/fifo"), 0);
}

static void *
fifo_reader(void *arg)
{
	char buf[8];
	long n;
	/* Blocks until the writer opens, then until data comes. */
	int fd = rump_sys_open("/fifo2", O_RDONLY, 0);

	(void)arg;
	if (fd < 0)
		return (void *)-1L;
	n = rump_sys_read(fd, buf, sizeof(buf));
	rump_sys_close(fd);
	return (void *)n;
}

static void
test_fifo_blocking_and_poll(void **state)
{
	struct pollfd pfd;
	pthread_t t;
	void *ret;
	int r, w;

	(void)state;
	assert_int_equal(rump_sys_mknod("/fifo2", S_IFIFO | 0600, 0), 0);
	assert_int_equal(pthread_create(&t, NULL, fifo_reader, NULL), 0);
	usleep(20000);
	w = rump_sys_open("/fifo2", O_WRONLY, 0);
	assert_true(w >= 0);
	usleep(20000);
	assert_int_equal(rump_sys_write(w, "abc", 3), 3);
	pthread_join(t, &ret);
	assert_int_equal((long)ret, 3);
	rump_sys_close(w);

	r = rump_sys_open("/fifo2", O_RDWR, 0);
	pfd = (struct pollfd){ .fd = r, .events = POLLIN };
	assert_int_equal(rump_sys_poll(&pfd, 1, 0), 0);
	assert_int_equal(rump_sys_write(r, "x", 1), 1);
	assert_int_equal(rump_sys_poll(&pfd, 1, 0), 1);
	assert_true(pfd.revents & POLLIN);
	rump_sys_close(r);
}

static void
test_copies(void **state)
{
	char buf[64];
	off_t off = 2;
	loff_t in_off = 0, out_off = 4;
	int in, out;

	(void)state;
	put("/src", "0123456789");
	in = rump_sys_open("/src", O_RDONLY, 0);
	out = rump_sys_open("/dst", O_CREAT | O_RDWR | O_TRUNC, 0644);
	assert_true(in >= 0 && out >= 0);
	assert_int_equal(rump_sys_sendfile(out, in, &off, 3), 3);
	assert_int_equal(off, 5);
	assert_int_equal(rump_sys_lseek(in, 0, SEEK_CUR), 0);
	assert_int_equal(rump_sys_sendfile(out, in, NULL, 100), 10);
	assert_int_equal(rump_sys_lseek(in, 0, SEEK_CUR), 10);
	assert_int_equal(rump_sys_pread64(out, buf, sizeof(buf), 0), 13);
	assert_memory_equal(buf, "2340123456789", 13);
	assert_int_equal(rump_sys_copy_file_range(in, &in_off, out, &out_off,
	    2, 0), 2);
	assert_int_equal(in_off, 2);
	assert_int_equal(out_off, 6);
	assert_int_equal(rump_sys_pread64(out, buf, 6, 0), 6);
	assert_memory_equal(buf, "234001", 6);
	assert_fail(rump_sys_copy_file_range(in, NULL, out, NULL, 1, 1),
	    EINVAL);
	assert_fail(rump_sys_copy_file_range(out, NULL, in, NULL, 1, 0), EBADF);
	rump_sys_close(in);
	rump_sys_close(out);
}

static void
test_fallocate_statfs(void **state)
{
	struct statfs a, b;
	struct stat st;
	int fd;

	(void)state;
	fd = rump_sys_open("/falloc", O_CREAT | O_RDWR, 0644);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_fstatfs(fd, &a), 0);
	assert_int_equal(a.f_type, TMPFS_MAGIC);
	assert_int_equal(rump_sys_fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, 8192), 0);
	assert_int_equal(rump_sys_fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 0);
	assert_int_equal(st.st_blocks, 16);
	assert_int_equal(rump_sys_fstatfs(fd, &b), 0);
	assert_int_equal(a.f_bfree - b.f_bfree, 2);
	assert_int_equal(rump_sys_fallocate(fd, 0, 4096, 100), 0);
	assert_int_equal(rump_sys_fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 4196);
	assert_fail(rump_sys_fallocate(fd, FALLOC_FL_PUNCH_HOLE |
	    FALLOC_FL_KEEP_SIZE, 0, 1), EOPNOTSUPP);
	assert_fail(rump_sys_fallocate(fd, 0, -1, 1), EINVAL);
	rump_sys_close(fd);
	fd = rump_sys_open("/falloc", O_RDONLY, 0);
	assert_fail(rump_sys_fallocate(fd, 0, 0, 1), EBADF);
	rump_sys_close(fd);
}

static void
test_utimensat(void **state)
{
	struct timespec ts[2] = { { 1000, 5 }, { 2000, 7 } };
	struct stat st;

	(void)state;
	put("/times", "t");
	assert_int_equal(rump_sys_utimensat(AT_FDCWD, "/times", ts, 0), 0);
	assert_int_equal(rump_sys_stat("/times", &st), 0);
	assert_int_equal(st.st_atim.tv_sec, 1000);
	assert_int_equal(st.st_atim.tv_nsec, 5);
	assert_int_equal(st.st_mtim.tv_sec, 2000);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_nsec = UTIME_NOW;
	assert_int_equal(rump_sys_utimensat(AT_FDCWD, "/times", ts, 0), 0);
	assert_int_equal(rump_sys_stat("/times", &st), 0);
	assert_int_equal(st.st_atim.tv_sec, 1000);
	assert_true(st.st_mtim.tv_sec > 2000);
	ts[0].tv_nsec = 1000000000;
	assert_fail(rump_sys_utimensat(AT_FDCWD, "/times", ts, 0), EINVAL);
	assert_fail(rump_sys_utimensat(AT_FDCWD, "/times", NULL, 0x4000),
	    EINVAL);
}

static void
test_o_path_append_getdents(void **state)
{
	char buf[512];
	struct stat st;
	int fd, n, seen = 0;

	(void)state;
	assert_int_equal(rump_sys_mkdir("/ls", 0755), 0);
	put("/ls/one", "1");
	put("/ls/two", "22");
	fd = rump_sys_open("/ls/one", O_PATH, 0);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_fstat(fd, &st), 0);
	assert_int_equal(st.st_size, 1);
	assert_fail(rump_sys_read(fd, buf, 1), EBADF);
	rump_sys_close(fd);
	fd = rump_sys_open("/ls/two", O_WRONLY | O_APPEND, 0);
	assert_int_equal(rump_sys_write(fd, "x", 1), 1);
	assert_int_equal(rump_sys_lseek(fd, 0, SEEK_CUR), 3);
	rump_sys_close(fd);
	fd = rump_sys_open("/ls", O_RDONLY | O_DIRECTORY, 0);
	assert_fail(rump_sys_getdents64(fd, (void *)buf, 10), EINVAL);
	while ((n = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (int pos = 0; pos < n;) {
			uint16_t reclen;
			memcpy(&reclen, buf + pos + 16, sizeof(reclen));
			const char *name = buf + pos + 19;
			if (strcmp(name, "one") == 0 || strcmp(name, "two") == 0 ||
			    strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
				seen++;
			pos += reclen;
		}
	}
	assert_int_equal(n, 0);
	assert_int_equal(seen, 4);
	/* Rewind and read again. */
	assert_int_equal(rump_sys_lseek(fd, 0, SEEK_SET), 0);
	assert_true(rump_sys_getdents64(fd, (void *)buf, sizeof(buf)) > 0);
	rump_sys_close(fd);
	assert_fail(rump_sys_getdents64(123, (void *)buf, sizeof(buf)), EBADF);
}

static void
test_tmpfile_link(void **state)
{
	struct stat st;
	int fd;

	(void)state;
	fd = rump_sys_open("/", O_TMPFILE | O_RDWR, 0600);
	assert_true(fd >= 0);
	assert_int_equal(rump_sys_write(fd, "temp", 4), 4);
	assert_int_equal(rump_sys_fstat(fd, &st), 0);
	assert_int_equal(st.st_nlink, 0);
	assert_int_equal(rump_sys_linkat(fd, "", AT_FDCWD, "/named",
	    AT_EMPTY_PATH), 0);
	assert_int_equal(rump_sys_stat("/named", &st), 0);
	assert_int_equal(st.st_nlink, 1);
	assert_int_equal(st.st_size, 4);
	rump_sys_close(fd);
	/* With O_EXCL it stays nameless. */
	fd = rump_sys_open("/", O_TMPFILE | O_RDWR | O_EXCL, 0600);
	assert_true(fd >= 0);
	errno = 0;
	assert_int_equal(rump_sys_linkat(fd, "", AT_FDCWD, "/named2",
	    AT_EMPTY_PATH), -1);
	assert_int_equal(errno, ENOENT);
	rump_sys_close(fd);
	errno = 0;
	assert_int_equal(rump_sys_open("/", O_TMPFILE | O_RDONLY, 0600), -1);
	assert_int_equal(errno, EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mount_umount),
		cmocka_unit_test(test_getcwd_chroot),
		cmocka_unit_test(test_cwd_per_process),
		cmocka_unit_test(test_flock),
		cmocka_unit_test(test_record_locks),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_fifo_blocking_and_poll),
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_fallocate_statfs),
		cmocka_unit_test(test_utimensat),
		cmocka_unit_test(test_o_path_append_getdents),
		cmocka_unit_test(test_tmpfile_link),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
