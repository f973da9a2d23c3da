/*
 * fsu_common.c -- what every fs-utils tool does around its work: the
 * coreutils-style messages and option parsing, and the image mounted in
 * the tool's own rump kernel (detect the type, register the host file as
 * a disk, mount, chroot into it; then the way back out).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_etfs.h>
#include <rump/rump_syscalls.h>

#include "fsu.h"

const struct fsu_tool *fsu_tool;
const char *fsu_prog = "fsu";

/* Where the image lives in the kernel before the chroot. */
#define DISK_KEY "/fsu.disk"
#define MOUNT_DIR "/fsu.mnt"
#define FSU_MS_RDONLY 1UL	/* Linux MS_RDONLY */

void
fsu_warnx(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", fsu_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
fsu_warn(int error, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", fsu_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(error));
}

int
fsu_usage(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		fprintf(stderr, "%s: ", fsu_prog);
		va_start(ap, fmt);
		vfprintf(stderr, fmt, ap);
		va_end(ap);
		fputc('\n', stderr);
	}
	fprintf(stderr, "usage: %s %s\n", fsu_prog, fsu_tool->usage);
	return fsu_tool->usage_status;
}

int
fsu_operands(int argc, char **argv, int min, int max, const char *what,
    const char *more)
{
	if (argc < 1)
		return fsu_usage("missing image operand");
	if (argc - 1 < min)
		return argc == 1 ? fsu_usage("missing %s", what) :
		    fsu_usage("missing %s after '%s'", more, argv[argc - 1]);
	if (max >= 0 && argc - 1 > max)
		return fsu_usage("extra operand '%s'", argv[max + 1]);
	return 0;
}

int
fsu_getopt(int argc, char **argv, const char *opts)
{
	int ch;

	opterr = 0;
	ch = getopt(argc, argv, opts);
	if (ch == '?') {
		if (optopt != 0 && strchr(opts, optopt) != NULL)
			fsu_usage("option requires an argument -- '%c'", optopt);
		else
			fsu_usage("invalid option -- '%c'", optopt);
	}
	return ch;
}

/*
 * File-system types by their magic number (a table: a new type is a
 * line).  The kernel would detect them too ("auto"), but knowing the
 * type first gives an unknown image a clear message.
 */
static const struct fstype {
	const char *name;
	off_t offset;
	unsigned char magic[4];
	size_t len;
} fstypes[] = {
	{ "ext2", 1024 + 56, { 0x53, 0xef }, 2 }, /* s_magic, little-endian */
};

static const char *
detect_type(int fd)
{
	unsigned char buf[4];

	for (size_t i = 0; i < sizeof(fstypes) / sizeof(fstypes[0]); i++) {
		const struct fstype *t = &fstypes[i];

		if (pread(fd, buf, t->len, t->offset) == (ssize_t)t->len &&
		    memcmp(buf, t->magic, t->len) == 0)
			return t->name;
	}
	return NULL;
}

static struct lwp *host_lwp;	/* the kernel process outside the image */
static bool mounted;

int
fsu_mount(const char *image)
{
	const char *type;
	int fd, error;

	fd = open(image, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fsu_warn(errno, "%s", image);
		return -1;
	}
	/*
	 * Two tools on one image at once would each cache its blocks:
	 * writers take the image alone, readers share it (advisory, on
	 * this descriptor, held until the tool exits).
	 */
	while (flock(fd, fsu_tool->writes ? LOCK_EX : LOCK_SH) != 0 &&
	    errno == EINTR)
		;
	type = detect_type(fd);
	if (type == NULL) {
		fsu_warnx("%s: unknown file system type", image);
		close(fd);
		return -1;
	}
	if ((error = rump_init()) != 0) {
		fsu_warn(error, "rump kernel");
		return -1;
	}
	if ((error = rump_etfs_register(DISK_KEY, image, RUMP_ETFS_BLK)) != 0) {
		fsu_warn(error, "%s", image);
		return -1;
	}
	if (rump_sys_mkdir(MOUNT_DIR, 0755) != 0 ||
	    rump_sys_mount(DISK_KEY, MOUNT_DIR, type,
	    fsu_tool->writes ? 0 : FSU_MS_RDONLY, NULL) != 0) {
		fsu_warn(errno, "%s: cannot mount %s", image, type);
		goto out_unregister;
	}
	mounted = true;
	/* A child process of its own, rooted in the image. */
	host_lwp = rump_lwproc_curlwp();
	if ((error = rump_lwproc_rfork(RUMP_RFCFDG)) != 0) {
		fsu_warn(error, "rump process");
		goto out_unmount;
	}
	if (rump_sys_chroot(MOUNT_DIR) != 0 || rump_sys_chdir("/") != 0) {
		fsu_warn(errno, "%s: chroot", image);
		goto out_release;
	}
	/* The tools give modes explicitly, as coreutils does, under the user's umask. */
	{
		mode_t m = umask(0);

		umask(m);
		rump_sys_umask(m);
	}
	return 0;

out_release:
	rump_lwproc_releaselwp();
	rump_lwproc_switch(host_lwp);
out_unmount:
	rump_sys_umount2(MOUNT_DIR, 0);
	mounted = false;
out_unregister:
	rump_etfs_remove(DISK_KEY);
	return -1;
}

int
fsu_unmount(int status)
{
	if (!mounted)
		return status;
	fflush(stdout);
	rump_lwproc_releaselwp();
	rump_lwproc_switch(host_lwp);
	if (rump_sys_umount2(MOUNT_DIR, 0) != 0) {
		fsu_warn(errno, "unmount");
		status = 1;
	}
	mounted = false;
	rump_etfs_remove(DISK_KEY);
	if (ferror(stdout) || fflush(stdout) != 0) {
		fsu_warn(errno, "write error");
		status = 1;
	}
	return status;
}

void *
fsu_xmalloc(size_t n)
{
	void *p = malloc(n != 0 ? n : 1);

	if (p == NULL) {
		fsu_warnx("out of memory");
		exit(1);
	}
	return p;
}

char *
fsu_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(fsu_xmalloc(n), s, n);
}

char *
fsu_join(const char *dir, const char *name)
{
	size_t d = strlen(dir), n = strlen(name);
	char *p = fsu_xmalloc(d + n + 2);

	memcpy(p, dir, d);
	if (d == 0 || dir[d - 1] != '/')
		p[d++] = '/';
	memcpy(p + d, name, n + 1);
	return p;
}

/* The last component, ignoring trailing slashes, in a static buffer. */
const char *
fsu_basename(const char *path)
{
	static char buf[4096];
	size_t n = strlen(path);
	const char *s;

	while (n > 0 && path[n - 1] == '/')
		n--;
	s = path + n;
	while (s > path && s[-1] != '/')
		s--;
	n = (size_t)(path + n - s);
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

void
fsu_modestr(mode_t mode, char *b)
{
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char rwx[] = "rwxrwxrwx";

	b[0] = types[(mode >> 12) & 0xf];
	for (int i = 0; i < 9; i++)
		b[1 + i] = (mode & (0400 >> i)) ? rwx[i] : '-';
	if (mode & S_ISUID)
		b[3] = (mode & S_IXUSR) ? 's' : 'S';
	if (mode & S_ISGID)
		b[6] = (mode & S_IXGRP) ? 's' : 'S';
	if (mode & S_ISVTX)
		b[9] = (mode & S_IXOTH) ? 't' : 'T';
	b[10] = '\0';
}
