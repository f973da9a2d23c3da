/*
 * test_tmpfs_memlimit.c -- tmpfs under RUMP_MEMLIMIT: file data counts
 * against the limit, and running out is ENOSPC for the writer, not a
 * crash -- both at tmpfs's own limit (half the memory) and when
 * page_alloc itself fails (a tmpfs mounted bigger than memory).  The
 * kernel keeps working afterwards and freed space can be used again.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

static char buf[65536];

static int
setup(void **state)
{
	(void)state;
	setenv("RUMP_MEMLIMIT", "8m", 1);
	return rump_init();
}

/* Write until the file system is full; the bytes written. */
static long
fill(const char *path)
{
	int fd = rump_sys_open(path, O_CREAT | O_WRONLY, 0644);
	long total = 0, n;

	assert_true(fd >= 0);
	while ((n = rump_sys_write(fd, buf, sizeof(buf))) > 0)
		total += n;
	assert_int_equal(n, -1);
	assert_int_equal(errno, ENOSPC);
	assert_int_equal(rump_sys_close(fd), 0);
	return total;
}

static void
test_root_fills_at_half(void **state)
{
	struct statfs sf;
	long total;

	(void)state;
	total = fill("/big");
	assert_int_equal(total, 4 << 20);
	assert_int_equal(rump_sys_statfs("/", &sf), 0);
	assert_int_equal(sf.f_bfree, 0);
	/* The kernel still has memory for itself. */
	assert_int_equal(rump_sys_mkdir("/still", 0755), 0);
	assert_int_equal(rump_sys_unlink("/big"), 0);
	assert_int_equal(rump_sys_statfs("/", &sf), 0);
	assert_int_equal(sf.f_bfree, sf.f_blocks);
}

static void
test_page_alloc_failure_is_enospc(void **state)
{
	long total;

	(void)state;
	assert_int_equal(rump_sys_mkdir("/huge", 0755), 0);
	assert_int_equal(rump_sys_mount("none", "/huge", "tmpfs", 0,
	    "size=1g"), 0);
	/* Two fillers: tmpfs's limit on "/", then memory itself. */
	total = fill("/root-file");
	assert_true(total > 0);
	total = fill("/huge/file");
	assert_true(total > 0 && total < (8 << 20));
	assert_int_equal(rump_sys_unlink("/huge/file"), 0);
	assert_int_equal(rump_sys_unlink("/root-file"), 0);
	assert_int_equal(rump_sys_umount2("/huge", 0), 0);
	/* Everything is usable again. */
	assert_int_equal(fill("/again"), 4 << 20);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root_fills_at_half),
		cmocka_unit_test(test_page_alloc_failure_is_enospc),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
