/*
 * rootfs.c -- the root file system's initial contents: rumprun-bake
 * links a ustar archive (the default /etc plus -f trees) into the image
 * as _binary_rootfs_tar_start.._end; it is unpacked into the root tmpfs
 * before the program starts.  A damaged archive stops the boot with a
 * message naming the entry; nothing is written outside the root.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

extern const char _binary_rootfs_tar_start[] __attribute__((weak));
extern const char _binary_rootfs_tar_end[] __attribute__((weak));

#define BLOCK 512

/* octal: a ustar numeric field; -1 if malformed. */
static long long
octal(const char *f, size_t len)
{
	long long v = 0;
	size_t i = 0;

	while (i < len && f[i] == ' ')
		i++;
	if (i == len || f[i] < '0' || f[i] > '7')
		return -1;
	for (; i < len && f[i] >= '0' && f[i] <= '7'; i++)
		v = v * 8 + (f[i] - '0');
	return v;
}

static int
bad(const char *name, const char *what)
{
	fprintf(stderr, "rumprun: root file system archive: %s: %s\n", name,
	    what);
	return RUMPRUN_EXIT_CONFIG;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
rumprun_unpack_rootfs(void)
{
	const char *p = _binary_rootfs_tar_start, *end = _binary_rootfs_tar_end;

	if (p == NULL || end == NULL)
		return 0;
	while (end - p >= BLOCK) {
		const char *h = p;
		char name[256 + 2];
		long long size, mode;
		unsigned sum = 0;
		long long want;

		if (h[0] == '\0')
			return 0; /* the end-of-archive blocks */
		for (int i = 0; i < BLOCK; i++)
			sum += (i >= 148 && i < 156) ? ' ' : (unsigned char)h[i];
		want = octal(h + 148, 8);
		size = octal(h + 124, 12);
		mode = octal(h + 100, 8);
		/* name: prefix "/" name, each NUL-padded; made absolute. */
		snprintf(name, sizeof(name), "/%.155s%s%.100s", h + 345,
		    h[345] ? "/" : "", h);
		if (want < 0 || (unsigned)want != sum)
			return bad(name, "header checksum mismatch");
		if (size < 0 || mode < 0 || size > end - p - BLOCK)
			return bad(name, "size or mode out of range");
		if (strstr(name, "/../") != NULL ||
		    (strlen(name) >= 3 && strcmp(name + strlen(name) - 3, "/..") == 0))
			return bad(name, "\"..\" in a name");
		/* "./etc" in the archive is "/./etc": drop the "/." */
		char *path = name;
		while (path[0] == '/' && path[1] == '.' &&
		    (path[2] == '/' || path[2] == '\0'))
			path += 2;
		if (*path == '\0')
			path = "/";
		switch (h[156]) {
		case '5':
			if (mkdir(path, (mode_t)mode & 07777) != 0 && errno != EEXIST)
				return bad(path, strerror(errno));
			break;
		case '0':
		case '\0': {
			int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC,
			    (mode_t)mode & 07777);
			if (fd < 0 || write_all(fd, p + BLOCK, (size_t)size) != 0) {
				int e = errno;
				if (fd >= 0)
					close(fd);
				return bad(path, strerror(e));
			}
			close(fd);
			break;
		}
		case '2': {
			char target[101];
			snprintf(target, sizeof(target), "%.100s", h + 157);
			unlink(path);
			if (symlink(target, path) != 0)
				return bad(path, strerror(errno));
			break;
		}
		default:
			return bad(path, "entry type not supported (only files, "
			    "directories and symbolic links)");
		}
		p += BLOCK + ((size + BLOCK - 1) / BLOCK) * BLOCK;
	}
	return 0;
}
