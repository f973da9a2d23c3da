/*
 * fsu_side.c -- the two sides a copy moves between, as tables of the
 * same calls: the host's (libc) and the image's (rump_sys_*), and
 * fsu_listdir() over either.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <rump/rump_syscalls.h>

#include "fsu.h"

/* struct linux_dirent64, the layout getdents64 fills on both sides. */
struct fsu_dirent {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int
host_open(const char *path, int flags, mode_t mode)
{
	return open(path, flags | O_CLOEXEC, mode);
}

static ssize_t
host_getdents(int fd, void *buf, size_t n)
{
	return syscall(SYS_getdents64, fd, buf, n);
}

static int
host_mknod(const char *path, mode_t mode, dev_t dev)
{
	return mknod(path, mode, dev);
}

static int
host_lutimens(const char *path, const struct timespec ts[2])
{
	return utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW);
}

const struct fsu_side fsu_host = {
	.name = "host",
	.open = host_open,
	.read = read,
	.write = write,
	.lseek = lseek,
	.ftruncate = ftruncate,
	.close = close,
	.stat = stat,
	.lstat = lstat,
	.getdents = host_getdents,
	.mkdir = mkdir,
	.rmdir = rmdir,
	.unlink = unlink,
	.symlink = symlink,
	.readlink = readlink,
	.link = link,
	.mknod = host_mknod,
	.chmod = chmod,
	.lchown = lchown,
	.lutimens = host_lutimens,
};

static ssize_t
img_getdents(int fd, void *buf, size_t n)
{
	return rump_sys_getdents64(fd, buf, n);
}

static int
img_mknod(const char *path, mode_t mode, dev_t dev)
{
	/* The kernel takes Linux's old-style encoding: major << 8 | minor. */
	unsigned int maj = major(dev), min = minor(dev);

	return rump_sys_mknod(path, mode,
	    (min & 0xff) | (maj << 8) | ((min & ~0xffu) << 12));
}

static int
img_lutimens(const char *path, const struct timespec ts[2])
{
	return rump_sys_utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW);
}

static int
img_unlink(const char *path)
{
	return rump_sys_unlinkat(AT_FDCWD, path, 0);
}

static int
img_rmdir(const char *path)
{
	return rump_sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

const struct fsu_side fsu_image = {
	.name = "image",
	.open = rump_sys_open,
	.read = rump_sys_read,
	.write = rump_sys_write,
	.lseek = rump_sys_lseek,
	.ftruncate = rump_sys_ftruncate,
	.close = rump_sys_close,
	.stat = rump_sys_stat,
	.lstat = rump_sys_lstat,
	.getdents = img_getdents,
	.mkdir = rump_sys_mkdir,
	.rmdir = img_rmdir,
	.unlink = img_unlink,
	.symlink = rump_sys_symlink,
	.readlink = rump_sys_readlink,
	.link = rump_sys_link,
	.mknod = img_mknod,
	.chmod = rump_sys_chmod,
	.lchown = rump_sys_lchown,
	.lutimens = img_lutimens,
};

static int
cmpname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
fsu_listdir(const struct fsu_side *s, const char *path, char ***namesp)
{
	char *buf, **names = NULL;
	int fd, n = 0, cap = 0, error = 0;
	ssize_t got;

	fd = s->open(path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return -1;
	buf = fsu_xmalloc(65536);
	while ((got = s->getdents(fd, buf, 65536)) > 0) {
		for (ssize_t off = 0; off < got;) {
			struct fsu_dirent *d = (struct fsu_dirent *)(buf + off);

			off += d->d_reclen;
			if (d->d_reclen == 0) {
				error = EIO;
				goto out;
			}
			if (strcmp(d->d_name, ".") == 0 ||
			    strcmp(d->d_name, "..") == 0)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				names = realloc(names, (size_t)cap * sizeof(*names));
				if (names == NULL) {
					fsu_warnx("out of memory");
					exit(1);
				}
			}
			names[n++] = fsu_xstrdup(d->d_name);
		}
	}
	if (got < 0)
		error = errno;
out:
	free(buf);
	s->close(fd);
	if (error != 0) {
		fsu_freenames(names, n);
		errno = error;
		return -1;
	}
	qsort(names, (size_t)n, sizeof(*names), cmpname);
	*namesp = names;
	return n;
}

void
fsu_freenames(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
