/*
 * test_ext2_stress.c -- ext2 and the buffer cache under pressure: with
 * RUMP_MEMLIMIT at 12 MiB, 48 MiB written and read back through a cache
 * that must keep giving pages back; and four threads writing, renaming
 * and removing at once.  e2fsck -fn judges the image after each.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#include "ext2_test.h"

static void
mount_fresh(int bsize)
{
	sh("mke2fs -q -F -t ext2 -b %d %s 128M", bsize, image);
	img_mount();
}

static void
umount_check(void)
{
	img_umount();
	fsck_clean();
}

static void
test_memlimit(void **state)
{
	static char buf[65536], back[65536];
	int fd;

	(void)state;
	mount_fresh(4096);
	fd = rump_sys_open("/mnt/big", O_RDWR | O_CREAT, 0644);
	assert_true(fd >= 0);
	for (int i = 0; i < 48 * 16; i++) {
		memset(buf, i, sizeof(buf));
		assert_int_equal(rump_sys_write(fd, buf, sizeof(buf)),
		    sizeof(buf));
	}
	assert_int_equal(rump_sys_fsync(fd), 0);
	for (int i = 0; i < 48 * 16; i++) {
		memset(buf, i, sizeof(buf));
		assert_int_equal(rump_sys_pread64(fd, back, sizeof(back),
		    (off_t)i * sizeof(back)), sizeof(back));
		if (memcmp(buf, back, sizeof(buf)) != 0)
			fail_msg("chunk %d differs", i);
	}
	rump_sys_close(fd);
	umount_check();
}

static void *
worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	char d[64], a[96], b[96], data[5000];
	long bad = 0;

	snprintf(d, sizeof(d), "/mnt/t%d", id);
	if (rump_sys_mkdir(d, 0755) != 0)
		return (void *)1;
	memset(data, 'a' + id, sizeof(data));
	for (int i = 0; i < 1500; i++) {
		int fd;
		snprintf(a, sizeof(a), "%s/f%d", d, i % 40);
		snprintf(b, sizeof(b), "/mnt/t%d/g%d", (id + 1) % 4, i % 40);
		switch (i % 5) {
		case 0: case 1:
			fd = rump_sys_open(a, O_WRONLY | O_CREAT | O_APPEND,
			    0644);
			if (fd < 0 || rump_sys_write(fd, data,
			    (size_t)(i % 5000)) < 0)
				bad++;
			if (fd >= 0)
				rump_sys_close(fd);
			break;
		case 2:
			/* Across directories other threads use. */
			if (rump_sys_rename(a, b) != 0 && errno != ENOENT)
				bad++;
			break;
		case 3:
			if (rump_sys_unlink(b) != 0 && errno != ENOENT)
				bad++;
			break;
		default:
			if (rump_sys_truncate(a, i) != 0 && errno != ENOENT)
				bad++;
			break;
		}
	}
	return (void *)bad;
}

static void
test_threads(void **state)
{
	pthread_t t[4];

	(void)state;
	mount_fresh(1024);
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker,
		    (void *)(intptr_t)i), 0);
	for (int i = 0; i < 4; i++) {
		void *ret;
		pthread_join(t[i], &ret);
		assert_int_equal((intptr_t)ret, 0);
	}
	umount_check();
}

static int
setup(void **state)
{
	(void)state;
	if (ext2t_setup("ext2s") != 0)
		return -1;
	setenv("RUMP_MEMLIMIT", "12m", 1);
	return rump_init();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memlimit),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, setup, ext2t_teardown);
}
