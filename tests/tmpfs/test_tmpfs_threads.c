/*
 * test_tmpfs_threads.c -- several host threads hammer one small tmpfs
 * name space at once (create, write, rename, link, unlink, mkdir,
 * rmdir, symlink, stat, readdir).  Results may be any errno, but the
 * kernel must not crash or hang, and afterwards the tree must be
 * consistent: every listed name can be stat'ed, directory link counts
 * are 2 + subdirectories, and everything can be removed.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define NTHREADS 4
#define NOPS 20000

struct kdirent {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

static void
rnd_path(uint64_t *s, char *buf, size_t len)
{
	static const char *names[] = { "a", "b", "c", "d" };
	int depth;

	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	depth = 1 + (int)((*s >> 33) % 3);
	snprintf(buf, len, "/t");
	for (int i = 0; i < depth; i++) {
		*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
		strncat(buf, "/", len - strlen(buf) - 1);
		strncat(buf, names[(*s >> 33) % 4], len - strlen(buf) - 1);
	}
}

static void *
worker(void *arg)
{
	uint64_t s = (uintptr_t)arg * 7919 + 1;
	char a[64], b[64], buf[512];
	struct stat st;

	for (int i = 0; i < NOPS; i++) {
		int fd;

		rnd_path(&s, a, sizeof(a));
		rnd_path(&s, b, sizeof(b));
		switch ((s >> 40) % 10) {
		case 0:
			fd = rump_sys_open(a, O_CREAT | O_RDWR, 0644);
			if (fd >= 0) {
				rump_sys_write(fd, buf, (s >> 20) % sizeof(buf));
				rump_sys_close(fd);
			}
			break;
		case 1:
			rump_sys_rename(a, b);
			break;
		case 2:
			rump_sys_link(a, b);
			break;
		case 3:
			rump_sys_unlink(a);
			break;
		case 4:
			rump_sys_mkdir(a, 0755);
			break;
		case 5:
			rump_sys_rmdir(a);
			break;
		case 6:
			rump_sys_symlink("../a", a);
			break;
		case 7:
			rump_sys_stat(a, &st);
			break;
		case 8:
			fd = rump_sys_open(a, O_RDONLY | O_DIRECTORY, 0);
			if (fd >= 0) {
				while (rump_sys_getdents64(fd, (void *)buf,
				    sizeof(buf)) > 0)
					;
				rump_sys_close(fd);
			}
			break;
		default:
			rump_sys_truncate(a, (off_t)((s >> 16) % 9000));
			break;
		}
	}
	return NULL;
}

/* Check every entry of dir and remove it, depth first. */
static void
check_and_clear(const char *dir)
{
	char buf[4096], path[512];
	int fd = rump_sys_open(dir, O_RDONLY | O_DIRECTORY, 0);
	struct stat st;
	ssize_t n;

	assert_true(fd >= 0);
	while ((n = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (ssize_t pos = 0; pos < n;) {
			struct kdirent *d = (struct kdirent *)(buf + pos);
			pos += d->d_reclen;
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			assert_int_equal(rump_sys_lstat(path, &st), 0);
			assert_int_equal(st.st_ino, d->d_ino);
			if (S_ISDIR(st.st_mode)) {
				check_and_clear(path);
				assert_int_equal(rump_sys_rmdir(path), 0);
			} else {
				assert_int_equal(rump_sys_unlink(path), 0);
			}
		}
	}
	/* Removing entries while reading must not make readdir skip any. */
	assert_int_equal(n, 0);
	rump_sys_close(fd);
}

static void
nlink_check(const char *dir)
{
	char buf[4096], path[512];
	int fd = rump_sys_open(dir, O_RDONLY | O_DIRECTORY, 0), subdirs = 0;
	struct stat st;
	ssize_t n;

	assert_true(fd >= 0);
	while ((n = rump_sys_getdents64(fd, (void *)buf, sizeof(buf))) > 0) {
		for (ssize_t pos = 0; pos < n;) {
			struct kdirent *d = (struct kdirent *)(buf + pos);
			pos += d->d_reclen;
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			if (d->d_type == 4) {
				snprintf(path, sizeof(path), "%s/%s", dir,
				    d->d_name);
				nlink_check(path);
				subdirs++;
			}
		}
	}
	rump_sys_close(fd);
	assert_int_equal(rump_sys_stat(dir, &st), 0);
	assert_int_equal(st.st_nlink, 2 + subdirs);
}

static void
test_threads(void **state)
{
	pthread_t t[NTHREADS];

	(void)state;
	assert_int_equal(rump_sys_mkdir("/t", 0755), 0);
	for (int i = 0; i < NTHREADS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, worker,
		    (void *)(uintptr_t)i), 0);
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	nlink_check("/t");
	check_and_clear("/t");
	assert_int_equal(rump_sys_rmdir("/t"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads),
	};

	if (rump_init() != 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
