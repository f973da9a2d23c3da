/*
 * ext2_test.h -- what the hosted ext2 tests (tests/ext2/test_ext2_*.c)
 * share: a private work directory holding the image (and a host tree),
 * shell commands for e2fsprogs, the image registered as /img and
 * mounted at /mnt, and e2fsck's verdict.  Include after <cmocka.h> and
 * the rump headers; every function is static and may go unused.
 */
#ifndef EXT2_TEST_H
#define EXT2_TEST_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXT2T_UNUSED __attribute__((__unused__))

/* The work directory, the image in it, and a host tree beside it. */
static char workdir[256], image[300], tree[300];

/* shx: run a shell command made from fmt; its exit status. */
static EXT2T_UNUSED int
shx(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

/* sh: as shx, failing the test when the command fails. */
#define sh(...) do { \
	if (shx(__VA_ARGS__) != 0) \
		fail_msg("command failed at %s:%d", __FILE__, __LINE__); \
} while (0)

/*
 * ext2t_setup: make the work directory (tag names it, e.g. "ext2w"),
 * fill in image and tree, and start the kernel.  0 or -1.
 */
static EXT2T_UNUSED int
ext2t_setup(const char *tag)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(workdir, sizeof(workdir), "%s/%s.XXXXXX",
	    tmp != NULL ? tmp : "/tmp", tag);
	if (mkdtemp(workdir) == NULL)
		return -1;
	snprintf(tree, sizeof(tree), "%s/tree", workdir);
	snprintf(image, sizeof(image), "%s/img", workdir);
	return 0;
}

/* ext2t_teardown: remove the work directory (kept with EXT2_KEEP set). */
static EXT2T_UNUSED int
ext2t_teardown(void **state)
{
	(void)state;
	if (getenv("EXT2_KEEP") == NULL)
		shx("rm -rf %s", workdir);
	return 0;
}

/*
 * try_mount: register the image as /img and mount it at /mnt as ext2
 * with flags; 0, or the mount's errno (the image is unregistered then).
 */
static EXT2T_UNUSED int
try_mount(unsigned long flags)
{
	int error = 0;

	assert_int_equal(rump_etfs_register("/img", image, RUMP_ETFS_BLK), 0);
	if (rump_sys_mkdir("/mnt", 0755) != 0)
		assert_int_equal(errno, EEXIST);
	if (rump_sys_mount("/img", "/mnt", "ext2", flags, NULL) != 0) {
		error = errno;
		assert_int_equal(rump_etfs_remove("/img"), 0);
	}
	return error;
}

/* img_mount: try_mount(0) that must succeed. */
static EXT2T_UNUSED void
img_mount(void)
{
	int error = try_mount(0);

	if (error != 0)
		fail_msg("mount: %s", strerror(error));
}

/* img_umount: unmount /mnt and unregister /img. */
static EXT2T_UNUSED void
img_umount(void)
{
	if (rump_sys_umount2("/mnt", 0) != 0)
		fail_msg("umount: %s", strerror(errno));
	assert_int_equal(rump_etfs_remove("/img"), 0);
}

/* fsck_clean: e2fsck -fn exits 0 only for a clean file system. */
static EXT2T_UNUSED void
fsck_clean(void)
{
	if (shx("e2fsck -fn %s > %s/fsck.out 2>&1", image, workdir) != 0) {
		shx("cat %s/fsck.out", workdir);
		fail_msg("e2fsck found errors in %s", image);
	}
}

#endif /* EXT2_TEST_H */
