/*
 * test_ext2_corrupt.c -- hostile images: each corruption (bad magic,
 * unknown features, block numbers out of range, bad directory record
 * lengths, a directory hard-linked below itself, an entry naming a
 * free inode, a root that is no directory) gives a clear error -- the
 * mount refused, or EIO from the operation that meets it -- and marks
 * the file system as having errors; nothing crashes or hangs.
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
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#include "ext2_test.h"

/* A fresh small image with a file, a big file and nested dirs. */
static void
fresh(void)
{
	sh("rm -rf %s && mkdir -p %s/a/b/c && echo data > %s/file && "
	    "head -c 300000 /dev/urandom > %s/big && "
	    "for i in 1 2 3 4 5; do echo $i > %s/a/f$i; done",
	    tree, tree, tree, tree, tree);
	sh("mke2fs -q -F -t ext2 -b 1024 -d %s %s 8M", tree, image);
}

static void
debugfs_w(const char *req)
{
	sh("debugfs -w -R '%s' %s >/dev/null 2>&1", req, image);
}

static void
umount_img(void)
{
	img_umount();
}

/* After an error was met, the superblock says so. */
static void
marked_with_errors(void)
{
	sh("dumpe2fs -h %s 2>/dev/null | grep -q 'Filesystem state:.*error'",
	    image);
}

/* Read a whole file; 0 or errno. */
static int
read_all(const char *path)
{
	char buf[8192];
	int fd = rump_sys_open(path, O_RDONLY, 0);
	ssize_t n;

	if (fd < 0)
		return errno;
	while ((n = rump_sys_read(fd, buf, sizeof(buf))) > 0)
		;
	rump_sys_close(fd);
	return n < 0 ? errno : 0;
}

/* Walk the tree (bounded depth); returns how many errors it met. */
static int
walk(const char *path, int depth)
{
	char buf[4096];
	int fd, errors = 0;
	ssize_t n;

	if (depth > 20)
		return 0;
	fd = rump_sys_open(path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return 1;
	while ((n = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (ssize_t o = 0; o < n;) {
			unsigned short reclen;
			unsigned char type = (unsigned char)buf[o + 18];
			const char *name = buf + o + 19;
			char sub[1024];
			memcpy(&reclen, buf + o + 16, 2);
			o += reclen;
			if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, name);
			if (type == DT_DIR)
				errors += walk(sub, depth + 1);
			else if (type == DT_REG)
				errors += read_all(sub) != 0;
		}
	}
	if (n < 0)
		errors++;
	rump_sys_close(fd);
	return errors;
}

static void
test_bad_magic(void **state)
{
	(void)state;
	fresh();
	sh("printf '\\0\\0' | dd of=%s bs=1 seek=1080 conv=notrunc "
	    "status=none", image);
	assert_int_equal(try_mount(0), EINVAL);
}

static void
test_truncated_device(void **state)
{
	(void)state;
	fresh();
	sh("truncate -s 4M %s", image);
	assert_int_equal(try_mount(0), EINVAL);
}

static void
test_unknown_incompat(void **state)
{
	(void)state;
	fresh();
	debugfs_w("ssv feature_incompat 0x42"); /* filetype + extents */
	assert_int_equal(try_mount(0), EINVAL);
}

static void
test_unknown_ro_compat(void **state)
{
	(void)state;
	fresh();
	debugfs_w("feature huge_file");
	assert_int_equal(try_mount(0), 0);
	/* Readable, but only read-only. */
	assert_int_equal(read_all("/mnt/file"), 0);
	assert_int_equal(rump_sys_open("/mnt/new", O_WRONLY | O_CREAT, 0644),
	    -1);
	assert_int_equal(errno, EROFS);
	assert_int_equal(rump_sys_mkdir("/mnt/newdir", 0755), -1);
	assert_int_equal(errno, EROFS);
	umount_img();
}

static void
test_block_out_of_range(void **state)
{
	(void)state;
	fresh();
	debugfs_w("sif /file block[0] 0x7fffffff");
	debugfs_w("sif /big block[IND] 9999999");
	assert_int_equal(try_mount(0), 0);
	assert_int_equal(read_all("/mnt/file"), EIO);
	assert_int_equal(read_all("/mnt/big"), EIO);
	/* Unlinking frees what is valid and refuses the rest. */
	assert_int_equal(rump_sys_unlink("/mnt/big"), 0);
	umount_img();
	marked_with_errors();
}

static void
test_bad_rec_len(void **state)
{
	char cmd[600];
	FILE *p;
	unsigned blk = 0;

	(void)state;
	fresh();
	snprintf(cmd, sizeof(cmd), "debugfs -R 'blocks /a' %s 2>/dev/null",
	    image);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%u", &blk), 1);
	pclose(p);
	/* The first entry's rec_len: 3 (not a multiple of 4, too short). */
	sh("printf '\\003\\000' | dd of=%s bs=1 seek=%u conv=notrunc "
	    "status=none", image, blk * 1024 + 4);
	assert_int_equal(try_mount(0), 0);
	assert_true(walk("/mnt", 0) > 0);
	assert_int_equal(read_all("/mnt/a/f1"), EIO);
	assert_int_equal(rump_sys_mkdir("/mnt/a/new", 0755), -1);
	assert_int_equal(errno, EIO);
	umount_img();
	marked_with_errors();
}

static void
test_dir_loop(void **state)
{
	(void)state;
	fresh();
	/* /a/b/c/up is /a again: walking must end, renames must refuse. */
	debugfs_w("ln /a /a/b/c/up");
	assert_int_equal(try_mount(0), 0);
	walk("/mnt", 0);
	assert_int_equal(read_all("/mnt/a/b/c/up/b/c/up/f1"), 0);
	assert_int_equal(rump_sys_rename("/mnt/a", "/mnt/a/b/c/up/x"), -1);
	assert_int_equal(errno, EINVAL);
	umount_img();
}

static void
test_free_inode(void **state)
{
	(void)state;
	fresh();
	debugfs_w("sif /a/f1 links_count 0");
	assert_int_equal(try_mount(0), 0);
	assert_int_equal(read_all("/mnt/a/f1"), EIO);
	assert_int_equal(read_all("/mnt/a/f2"), 0);
	umount_img();
	marked_with_errors();
}

static void
test_root_not_dir(void **state)
{
	(void)state;
	fresh();
	debugfs_w("sif / mode 0100644");
	assert_int_equal(try_mount(0), EIO);
}

static void
test_bad_mode(void **state)
{
	(void)state;
	fresh();
	debugfs_w("sif /a/f3 mode 0170644");
	assert_int_equal(try_mount(0), 0);
	assert_int_equal(read_all("/mnt/a/f3"), EIO);
	assert_int_equal(walk("/mnt", 0), 1);
	umount_img();
	marked_with_errors();
}

static int
setup(void **state)
{
	(void)state;
	if (ext2t_setup("ext2c") != 0)
		return -1;
	return rump_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_truncated_device),
		cmocka_unit_test(test_unknown_incompat),
		cmocka_unit_test(test_unknown_ro_compat),
		cmocka_unit_test(test_block_out_of_range),
		cmocka_unit_test(test_bad_rec_len),
		cmocka_unit_test(test_dir_loop),
		cmocka_unit_test(test_free_inode),
		cmocka_unit_test(test_root_not_dir),
		cmocka_unit_test(test_bad_mode),
	};
	return cmocka_run_group_tests(tests, setup, ext2t_teardown);
}
