/*
 * sp_client.c -- a librumpclient program that server.bats drives:
 *   sp_client smoke          a tour of calls with pointer arguments
 *   sp_client ops N TAG      N rounds of create/write/read/stat/unlink in
 *                            /TAG, checking every result; "ok TAG"
 *   sp_client loop           file operations until killed
 *   sp_client mount DEV DIR TYPE / umount DIR
 *   sp_client gone           one call, then wait for a line on stdin (the
 *                            test kills the server), then expect errors
 * Exit status 0 only if every check held; a failing check is named.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>
#include "rumpclient.h"

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, \
	"sp_client: check failed at line %d: %s (errno %d)\n", __LINE__, \
	#cond, errno); exit(1); } } while (0)

static int
smoke(void)
{
	char buf[64], big[300000];
	struct stat st;
	int fd;

	CHECK(rump_sys_getpid() == rumpclient_getpid());
	CHECK(rump_sys_mkdir("/smoke", 0755) == 0 || errno == EEXIST);
	fd = rump_sys_open("/smoke/f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0);
	CHECK(rump_sys_write(fd, "hello", 5) == 5);
	CHECK(rump_sys_lseek(fd, 0, SEEK_SET) == 0);
	memset(buf, 0, sizeof(buf));
	CHECK(rump_sys_read(fd, buf, sizeof(buf)) == 5);
	CHECK(strcmp(buf, "hello") == 0);
	/* Bigger than one copy frame: the copies are split. */
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7);
	CHECK(rump_sys_pwrite64(fd, big, sizeof(big), 0) == (ssize_t)sizeof(big));
	memset(big, 0, sizeof(big));
	CHECK(rump_sys_pread64(fd, big, sizeof(big), 0) == (ssize_t)sizeof(big));
	for (size_t i = 0; i < sizeof(big); i++)
		CHECK(big[i] == (char)(i * 7));
	CHECK(rump_sys_fstat(fd, &st) == 0 && st.st_size == sizeof(big));
	CHECK(rump_sys_close(fd) == 0);
	CHECK(rump_sys_stat("/smoke/f", &st) == 0 && S_ISREG(st.st_mode));
	/* A bad pointer is EFAULT, not a crash of either side. */
	CHECK(rump_sys_stat("/smoke/f", (struct stat *)16) == -1 &&
	    errno == EFAULT);
	CHECK(rump_sys_open((const char *)16, O_RDONLY, 0) == -1 &&
	    errno == EFAULT);
	CHECK(rump_sys_unlink("/smoke/f") == 0);
	CHECK(rump_sys_rmdir("/smoke") == 0);
	CHECK(rump_sys_getcwd(buf, sizeof(buf)) > 0 && strcmp(buf, "/") == 0);
	printf("smoke ok\n");
	return 0;
}

static int
ops(int n, const char *tag)
{
	char dir[64], path[128], buf[128], want[128];
	struct stat st;

	snprintf(dir, sizeof(dir), "/%s", tag);
	CHECK(rump_sys_mkdir(dir, 0755) == 0);
	/* A cwd of our own: relative names resolve in our directory. */
	CHECK(rump_sys_chdir(dir) == 0);
	for (int i = 0; i < n; i++) {
		int fd, len;

		snprintf(path, sizeof(path), "f%d", i % 7);
		len = snprintf(want, sizeof(want), "%s round %d", tag, i);
		fd = rump_sys_open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
		/* Our own descriptor table: 0 is free in a fresh process. */
		CHECK(fd == 0);
		CHECK(rump_sys_write(fd, want, (size_t)len) == len);
		CHECK(rump_sys_close(fd) == 0);
		CHECK(rump_sys_stat(path, &st) == 0 && st.st_size == len);
		fd = rump_sys_open(path, O_RDONLY, 0);
		CHECK(fd == 0);
		CHECK(rump_sys_read(fd, buf, sizeof(buf)) == len);
		CHECK(memcmp(buf, want, (size_t)len) == 0);
		CHECK(rump_sys_close(fd) == 0);
		if (i % 7 == 6)
			for (int j = 0; j < 7; j++) {
				snprintf(path, sizeof(path), "f%d", j);
				CHECK(rump_sys_unlink(path) == 0);
			}
	}
	CHECK(rump_sys_getcwd(buf, sizeof(buf)) > 0 && strcmp(buf, dir) == 0);
	printf("ok %s\n", tag);
	return 0;
}

int
main(int argc, char **argv)
{
	int error = rumpclient_init();

	if (error != 0) {
		fprintf(stderr, "sp_client: rumpclient_init: %s\n",
		    strerror(error));
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "smoke") == 0)
		return smoke();
	if (argc == 4 && strcmp(argv[1], "ops") == 0)
		return ops(atoi(argv[2]), argv[3]);
	if (argc == 5 && strcmp(argv[1], "mount") == 0) {
		CHECK(rump_sys_mkdir(argv[3], 0755) == 0 || errno == EEXIST);
		CHECK(rump_sys_mount(argv[2], argv[3], argv[4], 0, NULL) == 0);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "umount") == 0) {
		CHECK(rump_sys_umount2(argv[2], 0) == 0);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "loop") == 0) {
		char name[64];

		snprintf(name, sizeof(name), "/loop%d", getpid());
		for (;;) {
			int fd = rump_sys_open(name, O_CREAT | O_RDWR, 0600);

			CHECK(fd >= 0);
			CHECK(rump_sys_write(fd, name, sizeof(name)) > 0);
			CHECK(rump_sys_close(fd) == 0);
		}
	}
	if (argc == 2 && strcmp(argv[1], "gone") == 0) {
		char line[16];

		CHECK(rump_sys_getpid() > 0);
		printf("ready\n");
		fflush(stdout);
		if (fgets(line, sizeof(line), stdin) == NULL)
			return 1;
		CHECK(rump_sys_getpid() == -1);
		CHECK(errno == EIO || errno == ENOTCONN);
		CHECK(rump_sys_getpid() == -1 && errno == ENOTCONN);
		printf("gone ok\n");
		return 0;
	}
	fprintf(stderr, "usage: sp_client smoke|ops N TAG|loop|gone|"
	    "mount DEV DIR TYPE|umount DIR\n");
	return 2;
}
