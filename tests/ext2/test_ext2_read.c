/*
 * test_ext2_read.c -- images made by mke2fs -t ext2 -d TREE (1, 2 and
 * 4 KiB blocks) read back through the rump kernel identical to TREE:
 * contents, modes, owners, sizes, link counts, mtimes, symlinks (fast
 * and slow), hard links, device nodes, FIFOs, holes of sparse files
 * reaching the triple-indirect blocks, deep directories; and statfs.
 */
#include <dirent.h>
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
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#include "ext2_test.h"

static int nchecked;

static void
put(const char *rel, const void *data, size_t len, off_t off)
{
	char p[600];
	int fd;

	snprintf(p, sizeof(p), "%s/%s", tree, rel);
	fd = open(p, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, data, len, off), (ssize_t)len);
	close(fd);
}

/* The tree every image is made from. */
static void
make_tree(void)
{
	static char big[300 * 1024];
	char path[64];

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + i / 4096);
	sh("rm -rf %s && mkdir -p %s/d/e/f %s/empty", tree, tree, tree);
	put("zero", "", 0, 0);
	put("small", "hello, ext2\n", 12, 0);
	put("big", big, sizeof(big), 0);
	put("d/e/f/inner", big, 5000, 0);
	/* Holes: data at the start, in the double- and triple-indirect
	 * range of 1 KiB blocks, and at the end of a 200 MiB file. */
	put("sparse", "start", 5, 0);
	put("sparse", "middle", 6, 40 << 20);
	put("sparse", "triple", 6, 100 << 20);
	put("sparse", "end", 3, (200 << 20) - 3);
	sh("cd %s && ln small hardlink && ln -s small fastlink && "
	    "ln -s %0100d slowlink && mkfifo fifo && mknod chr c 1 3 && "
	    "mknod blk b 8 1 && mknod bigdev c 300 70000 && "
	    "chmod 4755 big && chown 1234:5678 small && "
	    "touch -d @1000000000 zero", tree, 7);
	/* Deep directories. */
	snprintf(path, sizeof(path), "deep");
	sh("cd %s && mkdir -p deep/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/"
	    "18/19/20/21/22/23/24/25/26/27/28/29/30 && "
	    "echo bottom > deep/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/"
	    "19/20/21/22/23/24/25/26/27/28/29/30/file", tree);
	/* A directory with many entries (several blocks, dir_index). */
	sh("cd %s && mkdir many && for i in $(seq 1 400); do "
	    ": > many/file_with_a_long_name_$i; done", tree);
	(void)path;
}

static void
compare_file(const char *hp, const char *rp, off_t size)
{
	static char hb[65536], rb[65536];
	int hfd = open(hp, O_RDONLY), rfd = rump_sys_open(rp, O_RDONLY, 0);
	off_t off = 0;

	assert_true(hfd >= 0);
	if (rfd < 0)
		fail_msg("open %s: %s", rp, strerror(errno));
	while (off < size) {
		ssize_t hn = pread(hfd, hb, sizeof(hb), off);
		ssize_t rn = rump_sys_pread64(rfd, rb, sizeof(rb), off);
		if (hn != rn)
			fail_msg("%s at %lld: host %zd rump %zd", rp,
			    (long long)off, hn, rn);
		if (memcmp(hb, rb, (size_t)hn) != 0)
			fail_msg("%s: contents differ at %lld", rp,
			    (long long)off);
		off += hn;
		/* Skip big holes quickly: compare only around data. */
		if (off < size && hn > 0) {
			off_t d = lseek(hfd, off, SEEK_DATA);
			if (d > off)
				off = d & ~(off_t)65535;
		}
	}
	close(hfd);
	rump_sys_close(rfd);
}

static void
compare(const char *hp, const char *rp, int depth)
{
	struct stat hs, rs;

	assert_true(depth < 64);
	assert_int_equal(lstat(hp, &hs), 0);
	if (rump_sys_lstat(rp, &rs) != 0)
		fail_msg("lstat %s: %s", rp, strerror(errno));
	/* The root has lost+found too, and mke2fs's own times. */
	if (depth == 0) {
		hs.st_nlink = rs.st_nlink;
		hs.st_mtime = rs.st_mtime;
	}
	if (hs.st_mode != rs.st_mode || hs.st_uid != rs.st_uid ||
	    hs.st_gid != rs.st_gid || hs.st_nlink != rs.st_nlink ||
	    hs.st_mtime != rs.st_mtime ||
	    (!S_ISDIR(hs.st_mode) && hs.st_size != rs.st_size))
		fail_msg("%s: mode %o/%o uid %d/%d gid %d/%d nlink %d/%d "
		    "size %lld/%lld mtime %lld/%lld", rp, hs.st_mode,
		    rs.st_mode, hs.st_uid, rs.st_uid, hs.st_gid, rs.st_gid,
		    (int)hs.st_nlink, (int)rs.st_nlink,
		    (long long)hs.st_size, (long long)rs.st_size,
		    (long long)hs.st_mtime, (long long)rs.st_mtime);
	nchecked++;
	if (S_ISCHR(hs.st_mode) || S_ISBLK(hs.st_mode))
		assert_int_equal(hs.st_rdev, rs.st_rdev);
	if (S_ISREG(hs.st_mode)) {
		compare_file(hp, rp, hs.st_size);
		/* Holes stay holes: no more blocks than the host's. */
		if (rs.st_blocks > hs.st_blocks + 64)
			fail_msg("%s: %lld blocks, host %lld", rp,
			    (long long)rs.st_blocks, (long long)hs.st_blocks);
	} else if (S_ISLNK(hs.st_mode)) {
		char hl[4096], rl[4096];
		ssize_t hn = readlink(hp, hl, sizeof(hl));
		ssize_t rn = rump_sys_readlink(rp, rl, sizeof(rl));
		assert_int_equal(hn, rn);
		assert_memory_equal(hl, rl, (size_t)hn);
	} else if (S_ISDIR(hs.st_mode)) {
		DIR *d = opendir(hp);
		struct dirent *de;
		int n = 0, rn = 0, fd;
		char buf[4096];
		ssize_t got;

		assert_non_null(d);
		while ((de = readdir(d)) != NULL) {
			char h2[1024], r2[1024];
			n++;
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0 ||
			    (depth == 0 && strcmp(de->d_name, "lost+found") == 0))
				continue;
			snprintf(h2, sizeof(h2), "%s/%s", hp, de->d_name);
			snprintf(r2, sizeof(r2), "%s/%s", rp, de->d_name);
			compare(h2, r2, depth + 1);
		}
		closedir(d);
		/* The same number of entries through getdents64. */
		fd = rump_sys_open(rp, O_RDONLY | O_DIRECTORY, 0);
		assert_true(fd >= 0);
		while ((got = rump_sys_getdents64(fd, (void *)buf,
		    sizeof(buf))) > 0) {
			for (ssize_t o = 0; o < got;) {
				unsigned short reclen;
				memcpy(&reclen, buf + o + 16, 2);
				o += reclen;
				rn++;
			}
		}
		assert_int_equal(got, 0);
		rump_sys_close(fd);
		if (depth == 0)
			rn--; /* lost+found */
		assert_int_equal(n, rn);
	}
}

static void
read_image(int bsize)
{
	struct statfs sf;

	sh("mke2fs -q -F -t ext2 -b %d -d %s %s 300M", bsize, tree, image);
	assert_int_equal(rump_etfs_register("/img", image, RUMP_ETFS_BLK), 0);
	assert_int_equal(rump_sys_mkdir("/mnt", 0755), 0);
	/* The type is detected ("auto"). */
	if (rump_sys_mount("/img", "/mnt", "auto", 1 /* MS_RDONLY */,
	    NULL) != 0)
		fail_msg("mount: %s", strerror(errno));
	nchecked = 0;
	compare(tree, "/mnt", 0);
	assert_true(nchecked > 440);
	assert_int_equal(rump_sys_statfs("/mnt", &sf), 0);
	assert_int_equal(sf.f_type, 0xEF53);
	assert_int_equal(sf.f_bsize, bsize);
	assert_int_equal(sf.f_blocks * (uint64_t)bsize, 300u << 20);
	assert_int_equal(rump_sys_umount2("/mnt", 0), 0);
	assert_int_equal(rump_sys_rmdir("/mnt"), 0);
	assert_int_equal(rump_etfs_remove("/img"), 0);
}

static void test_read_1k(void **s) { (void)s; read_image(1024); }
static void test_read_2k(void **s) { (void)s; read_image(2048); }
static void test_read_4k(void **s) { (void)s; read_image(4096); }

/* The block device node itself reads as the image. */
static void
test_blkdev_read(void **state)
{
	char a[4096], b[4096];
	int fd, rfd;

	(void)state;
	sh("mke2fs -q -F -t ext2 -b 1024 %s 4M", image);
	assert_int_equal(rump_etfs_register("/img", image, RUMP_ETFS_BLK), 0);
	rfd = rump_sys_open("/img", O_RDONLY, 0);
	assert_true(rfd >= 0);
	fd = open(image, O_RDONLY);
	assert_int_equal(pread(fd, a, sizeof(a), 1024), sizeof(a));
	assert_int_equal(rump_sys_pread64(rfd, b, sizeof(b), 1024), sizeof(b));
	assert_memory_equal(a, b, sizeof(a));
	close(fd);
	rump_sys_close(rfd);
	/* Not a file system "auto" knows. */
	assert_int_equal(rump_sys_mkdir("/mnt", 0755), 0);
	fd = open(image, O_WRONLY);
	assert_int_equal(pwrite(fd, "\0\0", 2, 1080), 2);
	close(fd);
	assert_int_equal(rump_sys_mount("/img", "/mnt", "auto", 0, NULL), -1);
	assert_int_equal(errno, ENODEV);
	assert_int_equal(rump_sys_rmdir("/mnt"), 0);
	assert_int_equal(rump_etfs_remove("/img"), 0);
}

static int
setup(void **state)
{
	(void)state;
	if (ext2t_setup("ext2r") != 0)
		return -1;
	make_tree();
	return rump_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blkdev_read),
		cmocka_unit_test(test_read_1k),
		cmocka_unit_test(test_read_2k),
		cmocka_unit_test(test_read_4k),
	};
	return cmocka_run_group_tests(tests, setup, ext2t_teardown);
}
