/*
 * fuzz_ext2.c -- libFuzzer target: arbitrary bytes as an ext2 image on
 * the hosted rump kernel.  Each input is mounted read-write, walked
 * (bounded depth), every file and symlink read (a bounded amount), and
 * then changed (create, write, mkdir, rename, unlink, truncate) and
 * unmounted.  Corrupt images must give errors, never a crash, a
 * sanitizer report or a hang.  Seeds: tests/fuzz/corpus/ext2/.
 * FUZZ_EXT2_KEEP=PATH in the environment keeps the image as the run left
 * it at PATH, without the final removals, so that tests/fuzz/run.sh can
 * check that clean seeds stay clean with new files in them.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#define MAXDEPTH 8
#define MAXREAD (256 * 1024)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char imgpath[64];

static void
read_some(const char *path)
{
	static char buf[8192];
	size_t total = 0;
	ssize_t n;
	int fd = rump_sys_open(path, O_RDONLY | O_NONBLOCK, 0);

	if (fd < 0)
		return;
	while (total < MAXREAD &&
	    (n = rump_sys_read(fd, buf, sizeof(buf))) > 0)
		total += (size_t)n;
	rump_sys_close(fd);
}

static void
walk(const char *path, int depth)
{
	char buf[4096], sub[512], link[512];
	ssize_t n;
	int fd, entries = 0;

	if (depth > MAXDEPTH)
		return;
	fd = rump_sys_open(path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return;
	while (entries < 1000 &&
	    (n = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (ssize_t o = 0; o < n; entries++) {
			unsigned short reclen;
			unsigned char type = (unsigned char)buf[o + 18];
			const char *name = buf + o + 19;
			memcpy(&reclen, buf + o + 16, 2);
			o += reclen;
			if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, name);
			switch (type) {
			case 4: /* DT_DIR */
				walk(sub, depth + 1);
				break;
			case 8: /* DT_REG */
				read_some(sub);
				break;
			case 10: /* DT_LNK */
				rump_sys_readlink(sub, link, sizeof(link));
				break;
			default: {
				struct stat st;
				rump_sys_lstat(sub, &st);
				break;
			}
			}
		}
	}
	rump_sys_close(fd);
}

static void
change(void)
{
	static const char text[3000] = "fuzz";
	int fd = rump_sys_open("/mnt/fz_new", O_WRONLY | O_CREAT, 0644);

	if (fd >= 0) {
		rump_sys_write(fd, text, sizeof(text));
		rump_sys_pwrite64(fd, text, 10, 300000);
		rump_sys_close(fd);
	}
	rump_sys_mkdir("/mnt/fz_dir", 0755);
	rump_sys_rename("/mnt/fz_new", "/mnt/fz_dir/moved");
	rump_sys_symlink("a-symlink-target-that-is-longer-than-sixty-bytes-"
	    "of-inode-space", "/mnt/fz_dir/sl");
	rump_sys_truncate("/mnt/fz_dir/moved", 100);
	if (getenv("FUZZ_EXT2_KEEP") != NULL) {
		rump_sys_sync();
		return;
	}
	rump_sys_unlink("/mnt/fz_dir/moved");
	rump_sys_unlink("/mnt/fz_dir/sl");
	rump_sys_rmdir("/mnt/fz_dir");
	rump_sys_sync();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	int fd;

	if (!inited) {
		setenv("RUMP_VERBOSE", "0", 0);
		if (rump_init() != 0)
			abort();
		snprintf(imgpath, sizeof(imgpath), "/tmp/fuzz_ext2.%d.img",
		    (int)getpid());
		rump_sys_mkdir("/mnt", 0755);
		inited = 1;
	}
	fd = open(imgpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	close(fd);
	if (rump_etfs_register("/img", imgpath, RUMP_ETFS_BLK) != 0)
		abort();
	if (rump_sys_mount("/img", "/mnt", "ext2", 0, NULL) == 0) {
		walk("/mnt", 0);
		change();
		walk("/mnt", 0);
		if (rump_sys_umount2("/mnt", 0) != 0)
			abort(); /* something kept a reference */
	}
	if (rump_etfs_remove("/img") != 0)
		abort();
	if (getenv("FUZZ_EXT2_KEEP") != NULL) {
		if (rename(imgpath, getenv("FUZZ_EXT2_KEEP")) != 0)
			abort();
	} else {
		unlink(imgpath);
	}
	return 0;
}
