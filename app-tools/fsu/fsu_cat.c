/*
 * fsu_cat.c -- fsu_cat (files of the image to standard output, as cat)
 * and fsu_write (standard input into a file of the image; -a appends).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

#define BUFSZ (256 * 1024)

static int
write_all(int fd, const char *buf, size_t n, bool image)
{
	while (n > 0) {
		ssize_t w = image ? rump_sys_write(fd, buf, n) : write(fd, buf, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
cat_one(const char *path, char *buf)
{
	int fd = rump_sys_open(path, O_RDONLY, 0), status = 0;
	ssize_t n;

	if (fd < 0) {
		fsu_warn(errno, "%s", path);
		return 1;
	}
	while ((n = rump_sys_read(fd, buf, BUFSZ)) > 0) {
		if (write_all(STDOUT_FILENO, buf, (size_t)n, false) != 0) {
			fsu_warn(errno, "write error");
			status = 1;
			break;
		}
	}
	if (n < 0) {
		fsu_warn(errno, "%s", path);
		status = 1;
	}
	rump_sys_close(fd);
	return status;
}

int
fsu_cat_main(int argc, char **argv)
{
	int bad, status = 0;
	char *buf;

	if (fsu_getopt(argc, argv, "") != -1)
		return fsu_tool->usage_status;
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 0, -1, NULL, NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	buf = fsu_xmalloc(BUFSZ);
	for (int i = 1; i < argc; i++)
		status |= cat_one(argv[i], buf);
	free(buf);
	return fsu_unmount(status);
}

int
fsu_write_main(int argc, char **argv)
{
	int bad, ch, fd, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0;
	char *buf;
	ssize_t n;

	while ((ch = fsu_getopt(argc, argv, "a")) != -1) {
		if (ch != 'a')
			return fsu_tool->usage_status;
		flags = O_WRONLY | O_CREAT | O_APPEND;
	}
	argc -= optind;
	argv += optind;
	if ((bad = fsu_operands(argc, argv, 1, 1, "file operand", NULL)) != 0)
		return bad;
	if (fsu_mount(argv[0]) != 0)
		return 1;
	fd = rump_sys_open(argv[1], flags, 0666);
	if (fd < 0) {
		fsu_warn(errno, "%s", argv[1]);
		return fsu_unmount(1);
	}
	buf = fsu_xmalloc(BUFSZ);
	while ((n = read(STDIN_FILENO, buf, BUFSZ)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fsu_warn(errno, "standard input");
			status = 1;
			break;
		}
		if (write_all(fd, buf, (size_t)n, true) != 0) {
			fsu_warn(errno, "%s", argv[1]);
			status = 1;
			break;
		}
	}
	free(buf);
	if (rump_sys_close(fd) != 0 && status == 0) {
		fsu_warn(errno, "%s", argv[1]);
		status = 1;
	}
	return fsu_unmount(status);
}
