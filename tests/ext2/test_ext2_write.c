/*
 * test_ext2_write.c -- writing ext2 through the rump kernel, judged by
 * e2fsprogs: a scripted workload (every name-space call, writes into
 * the indirect ranges, holes, truncation) and a seeded random workload
 * of 20,000 operations mirrored on a host directory; after each,
 * e2fsck -fn must find the image clean, debugfs must list what we
 * wrote, and a fresh mount must read back exactly the mirror.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#include "ext2_test.h"

/* The random workload's side B: the rump kernel. */
static int
rump_nentries(const char *path)
{
	char buf[4096] __attribute__((__aligned__(8)));
	int fd = rump_sys_open(path, O_RDONLY | O_DIRECTORY, 0), n = 0;
	long len;

	if (fd < 0)
		return -1;
	while ((len = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (long o = 0; o < len;) {
			struct dirent *de = (struct dirent *)(buf + o);
			if (de->d_name[0] != '.' &&
			    strcmp(de->d_name, "lost+found") != 0)
				n++;
			o += de->d_reclen;
		}
	}
	rump_sys_close(fd);
	return len < 0 ? -1 : n;
}

#define WB_open rump_sys_open
#define WB_close rump_sys_close
#define WB_pwrite rump_sys_pwrite64
#define WB_pread rump_sys_pread64
#define WB_truncate rump_sys_truncate
#define WB_unlink rump_sys_unlink
#define WB_mkdir rump_sys_mkdir
#define WB_rmdir rump_sys_rmdir
#define WB_rename rump_sys_rename
#define WB_link rump_sys_link
#define WB_symlink rump_sys_symlink
#define WB_lstat rump_sys_lstat
#define WB_nentries rump_nentries
#define WL_SAY print_message
#include "fs_workload.h"

static void
wfile(const char *path, const void *data, size_t len, off_t off)
{
	int fd = rump_sys_open(path, O_WRONLY | O_CREAT, 0644);

	if (fd < 0)
		fail_msg("open %s: %s", path, strerror(errno));
	assert_int_equal(rump_sys_pwrite64(fd, data, len, off), (ssize_t)len);
	assert_int_equal(rump_sys_close(fd), 0);
}

static void
check_file(const char *path, const void *data, size_t len, off_t off)
{
	char *buf = malloc(len + 1);
	int fd = rump_sys_open(path, O_RDONLY, 0);

	assert_true(fd >= 0);
	assert_int_equal(rump_sys_pread64(fd, buf, len, off), (ssize_t)len);
	assert_memory_equal(buf, data, len);
	rump_sys_close(fd);
	free(buf);
}

static void
scripted(int bsize)
{
	static char big[600 * 1024];
	char lname[200];
	struct stat st;
	struct statfs sf1, sf2;

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i % 251);
	sh("mke2fs -q -F -t ext2 -b %d %s 64M", bsize, image);
	img_mount();
	assert_int_equal(rump_sys_statfs("/mnt", &sf1), 0);
	assert_int_equal(rump_sys_mkdir("/mnt/a", 0755), 0);
	assert_int_equal(rump_sys_mkdir("/mnt/a/b", 0700), 0);
	assert_int_equal(rump_sys_mkdir("/mnt/c", 0755), 0);
	wfile("/mnt/a/small", "hello", 5, 0);
	wfile("/mnt/a/big", big, sizeof(big), 0);
	wfile("/mnt/a/sparse", "far", 3, 30 << 20);
	wfile("/mnt/a/sparse", "near", 4, 0);
	wfile("/mnt/c/trunc", big, sizeof(big), 0);
	assert_int_equal(rump_sys_truncate("/mnt/c/trunc", 5000), 0);
	assert_int_equal(rump_sys_truncate("/mnt/c/trunc", 9000), 0);
	check_file("/mnt/c/trunc", big, 5000, 0);
	{
		static const char zeros[4000];
		check_file("/mnt/c/trunc", zeros, 4000, 5000);
	}
	assert_int_equal(rump_sys_link("/mnt/a/small", "/mnt/c/hard"), 0);
	assert_int_equal(rump_sys_symlink("small", "/mnt/a/fast"), 0);
	memset(lname, 'x', sizeof(lname) - 1);
	lname[sizeof(lname) - 1] = '\0';
	assert_int_equal(rump_sys_symlink(lname, "/mnt/a/slow"), 0);
	assert_int_equal(rump_sys_mknod("/mnt/c/fifo", S_IFIFO | 0644, 0), 0);
	assert_int_equal(rump_sys_mknod("/mnt/c/null", S_IFCHR | 0666,
	    makedev(1, 3)), 0);
	assert_int_equal(rump_sys_mknod("/mnt/c/bigdev", S_IFBLK | 0600,
	    makedev(300, 70000)), 0);
	assert_int_equal(rump_sys_rename("/mnt/a/b", "/mnt/c/b2"), 0);
	assert_int_equal(rump_sys_rename("/mnt/a/small", "/mnt/c/small2"), 0);
	wfile("/mnt/c/victim", "v", 1, 0);
	assert_int_equal(rump_sys_rename("/mnt/c/small2", "/mnt/c/victim"), 0);
	assert_int_equal(rump_sys_mkdir("/mnt/c/gone", 0755), 0);
	assert_int_equal(rump_sys_rmdir("/mnt/c/gone"), 0);
	assert_int_equal(rump_sys_rmdir("/mnt/c"), -1);
	assert_int_equal(errno, ENOTEMPTY);
	assert_int_equal(rump_sys_rename("/mnt/c", "/mnt/c/b2/x"), -1);
	assert_int_equal(errno, EINVAL);
	wfile("/mnt/tmpgone", big, 100000, 0);
	assert_int_equal(rump_sys_unlink("/mnt/tmpgone"), 0);
	assert_int_equal(rump_sys_chmod("/mnt/a/big", 0600), 0);
	assert_int_equal(rump_sys_chown("/mnt/a/big", 1000, 100000), 0);
	for (int i = 0; i < 300; i++) {
		char p[64];
		snprintf(p, sizeof(p), "/mnt/c/b2/entry_%d", i);
		wfile(p, p, strlen(p), 0);
	}
	for (int i = 0; i < 300; i += 2) {
		char p[64];
		snprintf(p, sizeof(p), "/mnt/c/b2/entry_%d", i);
		assert_int_equal(rump_sys_unlink(p), 0);
	}
	assert_int_equal(rump_sys_statfs("/mnt", &sf2), 0);
	assert_true(sf2.f_bfree < sf1.f_bfree);
	assert_true(sf2.f_ffree < sf1.f_ffree);
	img_umount();
	fsck_clean();
	sh("debugfs -R 'ls -l /c' %s 2>/dev/null | grep -q victim", image);
	sh("debugfs -R 'ls -l /c' %s 2>/dev/null | grep -q bigdev", image);
	sh("debugfs -R 'ls /a' %s 2>/dev/null | grep -q slow", image);
	sh("test \"$(debugfs -R 'cat /c/victim' %s 2>/dev/null)\" = hello",
	    image);
	sh("test \"$(debugfs -R 'stat /a/big' %s 2>/dev/null | "
	    "grep -c 'User:  1000')\" = 1", image);
	/* And back through a fresh mount. */
	img_mount();
	check_file("/mnt/a/big", big, sizeof(big), 0);
	check_file("/mnt/a/sparse", "far", 3, 30 << 20);
	check_file("/mnt/c/victim", "hello", 5, 0);
	assert_int_equal(rump_sys_lstat("/mnt/c/hard", &st), 0);
	assert_int_equal(st.st_nlink, 2);
	assert_int_equal(rump_sys_stat("/mnt/a/big", &st), 0);
	assert_int_equal(st.st_uid, 1000);
	assert_int_equal(st.st_gid, 100000);
	assert_int_equal(rump_sys_lstat("/mnt/c/bigdev", &st), 0);
	assert_int_equal(st.st_rdev, makedev(300, 70000));
	assert_int_equal(rump_sys_readlink("/mnt/a/slow", lname,
	    sizeof(lname)), sizeof(lname) - 1);
	img_umount();
	fsck_clean();
}

static void test_scripted_1k(void **s) { (void)s; scripted(1024); }
static void test_scripted_4k(void **s) { (void)s; scripted(4096); }

/* ---- the random workload, mirrored on the host ---- */

static void
test_random(void **state)
{
	const char *seed = getenv("EXT2_SEED");
	const char *nops = getenv("EXT2_OPS");
	int n = nops != NULL ? atoi(nops) : 20000;
	char mirror[300];
	struct workload w;

	(void)state;
	snprintf(mirror, sizeof(mirror), "%s/mirror", workdir);
	wl_init(&w, seed != NULL ? strtoull(seed, NULL, 0) : 0, mirror, "/mnt");
	print_message("seed 0x%llx, %d operations\n",
	    (unsigned long long)w.rng, n);
	sh("rm -rf %s && mkdir -p %s", mirror, mirror);
	sh("mke2fs -q -F -t ext2 -b 1024 %s 128M", image);
	img_mount();
	for (int i = 0; i < n; i++) {
		wl_op(&w);
		if (i % 5000 == 4999)
			rump_sys_sync();
	}
	assert_int_equal(w.mismatches, 0);
	img_umount();
	fsck_clean();
	img_mount();
	assert_int_equal(wl_compare(mirror, "/mnt", 0), 0);
	img_umount();
	fsck_clean();
}

static int
setup(void **state)
{
	(void)state;
	if (ext2t_setup("ext2w") != 0)
		return -1;
	return rump_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scripted_1k),
		cmocka_unit_test(test_scripted_4k),
		cmocka_unit_test(test_random),
	};
	return cmocka_run_group_tests(tests, setup, ext2t_teardown);
}
