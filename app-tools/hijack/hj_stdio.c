/*
 * hj_stdio.c -- stdio streams on remote files.  glibc's FILE reads and
 * writes with its internal read/write, which we cannot interpose, so a
 * stream on a remote descriptor is a fopencookie stream whose functions
 * call our wrappers.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hijack.h"

static ssize_t
ck_read(void *c, char *buf, size_t n)
{
	return read((int)(intptr_t)c, buf, n);
}

static ssize_t
ck_write(void *c, const char *buf, size_t n)
{
	return write((int)(intptr_t)c, buf, n);
}

static int
ck_seek(void *c, off64_t *off, int whence)
{
	off_t r = lseek((int)(intptr_t)c, *off, whence);

	if (r < 0)
		return -1;
	*off = r;
	return 0;
}

static int
ck_close(void *c)
{
	return close((int)(intptr_t)c);
}

static const cookie_io_functions_t ck_fns = {
	.read = ck_read, .write = ck_write, .seek = ck_seek, .close = ck_close,
};

/* fopen's mode letters as open flags; -1 if malformed. */
static int
mode_flags(const char *mode)
{
	int fl;

	switch (mode[0]) {
	case 'r': fl = O_RDONLY; break;
	case 'w': fl = O_WRONLY | O_CREAT | O_TRUNC; break;
	case 'a': fl = O_WRONLY | O_CREAT | O_APPEND; break;
	default: return -1;
	}
	for (const char *m = mode + 1; *m != '\0' && *m != ','; m++) {
		if (*m == '+')
			fl = (fl & ~(O_RDONLY | O_WRONLY)) | O_RDWR;
		else if (*m == 'e')
			fl |= O_CLOEXEC;
		else if (*m == 'x')
			fl |= O_EXCL;
	}
	return fl;
}

FILE *
fdopen(int fd, const char *mode)
{
	if (hj_rfd(fd) < 0)
		return HOST(fdopen)(fd, mode);
	return fopencookie((void *)(intptr_t)fd, mode, ck_fns);
}

FILE *
fopen(const char *path, const char *mode)
{
	const char *rp;
	FILE *f;
	int rdir, fl, fd;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(fopen)(path, mode);
	fl = mode_flags(mode);
	if (fl < 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = open(path, fl, 0666);
	if (fd < 0)
		return NULL;
	f = fopencookie((void *)(intptr_t)fd, mode, ck_fns);
	if (f == NULL) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return f;
}

FILE *fopen64(const char *, const char *) __attribute__((alias("fopen")));
