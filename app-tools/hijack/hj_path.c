/*
 * hj_path.c -- the hijacked calls that take a path: a path under the
 * prefix (or relative to a remote cwd or directory descriptor) goes to
 * the server with the prefix stripped; any other path to the host.
 * Calls naming two paths on different sides fail with EXDEV.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "hijack.h"

#define L(x) ((long)(x))

static int
open_common(int dirfd, const char *path, int flags, mode_t mode)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return -2; /* the host's */
	return hj_adopt((int)hj_call(SYS_openat, rdir, L(rp), flags, mode, 0, 0),
	    -1, 0, (flags & O_CLOEXEC) != 0);
}

static mode_t
open_mode(int flags, va_list ap)
{
	/* The mode argument exists only when a file may be created. */
	if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
		return va_arg(ap, mode_t);
	return 0;
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;
	int fd;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	fd = open_common(dirfd, path, flags, mode);
	if (fd != -2)
		return fd;
	return HOST(openat)(dirfd, path, flags, mode);
}

int
open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = open_mode(flags, ap);
	va_end(ap);
	return openat(AT_FDCWD, path, flags, mode);
}

int open64(const char *, int, ...) __attribute__((alias("open")));
int openat64(int, const char *, int, ...) __attribute__((alias("openat")));

/* glibc's _FORTIFY_SOURCE entries, without a mode. */
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);

int
__open_2(const char *path, int flags)
{
	return openat(AT_FDCWD, path, flags, 0);
}

int
__open64_2(const char *path, int flags)
{
	return openat(AT_FDCWD, path, flags, 0);
}

int
__openat_2(int dirfd, const char *path, int flags)
{
	return openat(dirfd, path, flags, 0);
}

int
__openat64_2(int dirfd, const char *path, int flags)
{
	return openat(dirfd, path, flags, 0);
}

int
creat(const char *path, mode_t mode)
{
	return openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int creat64(const char *, mode_t) __attribute__((alias("creat")));

int
fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	const char *rp;
	int rdir;

	if (hj_rfd(dirfd) >= 0 && path != NULL && path[0] == '\0' &&
	    (flags & AT_EMPTY_PATH))
		return (int)hj_ret(hj_call(SYS_fstat, hj_rfd(dirfd), L(st),
		    0, 0, 0, 0));
	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(fstatat)(dirfd, path, st, flags);
	return (int)hj_ret(hj_call(SYS_newfstatat, rdir, L(rp), L(st), flags,
	    0, 0));
}

/* glibc declares the *64 names with *64 types: same layout here. */
__asm__(".globl fstatat64\n.set fstatat64, fstatat");

int
stat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, 0);
}

__asm__(".globl stat64\n.set stat64, stat");

int
lstat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

__asm__(".globl lstat64\n.set lstat64, lstat");

int
statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *stx)
{
	const char *rp;
	int rdir;

	if (hj_rfd(dirfd) >= 0 && path != NULL && path[0] == '\0')
		return (int)hj_ret(hj_call(SYS_statx, hj_rfd(dirfd), L(path),
		    flags, mask, L(stx), 0));
	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(statx)(dirfd, path, flags, mask, stx);
	return (int)hj_ret(hj_call(SYS_statx, rdir, L(rp), flags, mask,
	    L(stx), 0));
}

int
faccessat(int dirfd, const char *path, int mode, int flags)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(faccessat)(dirfd, path, mode, flags);
	return (int)hj_ret(hj_call(SYS_faccessat2, rdir, L(rp), mode, flags,
	    0, 0));
}

int
access(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, 0);
}

int
euidaccess(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, AT_EACCESS);
}

int eaccess(const char *, int) __attribute__((alias("euidaccess")));

int
mkdirat(int dirfd, const char *path, mode_t mode)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(mkdirat)(dirfd, path, mode);
	return (int)hj_ret(hj_call(SYS_mkdirat, rdir, L(rp), mode, 0, 0, 0));
}

int
mkdir(const char *path, mode_t mode)
{
	return mkdirat(AT_FDCWD, path, mode);
}

int
unlinkat(int dirfd, const char *path, int flags)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(unlinkat)(dirfd, path, flags);
	return (int)hj_ret(hj_call(SYS_unlinkat, rdir, L(rp), flags, 0, 0, 0));
}

int
unlink(const char *path)
{
	return unlinkat(AT_FDCWD, path, 0);
}

int
rmdir(const char *path)
{
	return unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

int
remove(const char *path)
{
	if (unlinkat(AT_FDCWD, path, 0) == 0)
		return 0;
	if (errno != EISDIR)
		return -1;
	return unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

/* Two paths: both remote, both host, or EXDEV. */
static int
two_paths(int d1, const char *p1, int d2, const char *p2, int *rd1,
    const char **rp1, int *rd2, const char **rp2)
{
	bool r1 = hj_path(d1, p1, rd1, rp1);
	bool r2 = hj_path(d2, p2, rd2, rp2);

	if (r1 != r2)
		return -1;
	return r1 ? 1 : 0;
}

int
renameat2(int od, const char *op, int nd, const char *np, unsigned int flags)
{
	const char *rop, *rnp;
	int rod, rnd;

	switch (two_paths(od, op, nd, np, &rod, &rop, &rnd, &rnp)) {
	case 0:
		return HOST(renameat2)(od, op, nd, np, flags);
	case 1:
		return (int)hj_ret(hj_call(SYS_renameat2, rod, L(rop), rnd,
		    L(rnp), flags, 0));
	default:
		errno = EXDEV;
		return -1;
	}
}

int
renameat(int od, const char *op, int nd, const char *np)
{
	return renameat2(od, op, nd, np, 0);
}

int
rename(const char *op, const char *np)
{
	return renameat2(AT_FDCWD, op, AT_FDCWD, np, 0);
}

int
linkat(int od, const char *op, int nd, const char *np, int flags)
{
	const char *rop, *rnp;
	int rod, rnd;

	switch (two_paths(od, op, nd, np, &rod, &rop, &rnd, &rnp)) {
	case 0:
		return HOST(linkat)(od, op, nd, np, flags);
	case 1:
		return (int)hj_ret(hj_call(SYS_linkat, rod, L(rop), rnd,
		    L(rnp), flags, 0));
	default:
		errno = EXDEV;
		return -1;
	}
}

int
link(const char *op, const char *np)
{
	return linkat(AT_FDCWD, op, AT_FDCWD, np, 0);
}

/* The target is only a string: where the link lives decides. */
int
symlinkat(const char *target, int dirfd, const char *path)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(symlinkat)(target, dirfd, path);
	return (int)hj_ret(hj_call(SYS_symlinkat, L(target), rdir, L(rp), 0,
	    0, 0));
}

int
symlink(const char *target, const char *path)
{
	return symlinkat(target, AT_FDCWD, path);
}

ssize_t
readlinkat(int dirfd, const char *path, char *buf, size_t len)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(readlinkat)(dirfd, path, buf, len);
	return hj_ret(hj_call(SYS_readlinkat, rdir, L(rp), L(buf), L(len), 0,
	    0));
}

ssize_t
readlink(const char *path, char *buf, size_t len)
{
	return readlinkat(AT_FDCWD, path, buf, len);
}

int
fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(fchmodat)(dirfd, path, mode, flags);
	/* The system call has no flags (AT_SYMLINK_NOFOLLOW: EOPNOTSUPP). */
	if (flags != 0) {
		errno = EOPNOTSUPP;
		return -1;
	}
	return (int)hj_ret(hj_call(SYS_fchmodat, rdir, L(rp), mode, 0, 0, 0));
}

int
chmod(const char *path, mode_t mode)
{
	return fchmodat(AT_FDCWD, path, mode, 0);
}

int
fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	const char *rp;
	int rdir;

	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(fchownat)(dirfd, path, uid, gid, flags);
	return (int)hj_ret(hj_call(SYS_fchownat, rdir, L(rp), (int)uid,
	    (int)gid, flags, 0));
}

int
chown(const char *path, uid_t uid, gid_t gid)
{
	return fchownat(AT_FDCWD, path, uid, gid, 0);
}

int
lchown(const char *path, uid_t uid, gid_t gid)
{
	return fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

int
utimensat(int dirfd, const char *path, const struct timespec ts[2], int flags)
{
	const char *rp;
	int rdir;

	if (path == NULL && hj_rfd(dirfd) >= 0)
		return (int)hj_ret(hj_call(SYS_utimensat, hj_rfd(dirfd), 0,
		    L(ts), flags, 0, 0));
	if (!hj_path(dirfd, path, &rdir, &rp))
		return HOST(utimensat)(dirfd, path, ts, flags);
	return (int)hj_ret(hj_call(SYS_utimensat, rdir, L(rp), L(ts), flags,
	    0, 0));
}

int
truncate(const char *path, off_t len)
{
	const char *rp;
	int rdir;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(truncate)(path, len);
	/* truncate(2) has no dirfd: make a relative name absolute only if
	 * the cwd is remote, which is where the server resolves it. */
	return (int)hj_ret(hj_call(SYS_truncate, L(rp), len, 0, 0, 0, 0));
}

int truncate64(const char *, off_t) __attribute__((alias("truncate")));

static void
note_cwd(bool remote)
{
	hj_cwd_remote = remote;
}

int
chdir(const char *path)
{
	const char *rp;
	int rdir, r;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp)) {
		r = HOST(chdir)(path);
		if (r == 0)
			note_cwd(false);
		return r;
	}
	r = (int)hj_ret(hj_call(SYS_chdir, L(rp), 0, 0, 0, 0, 0));
	if (r == 0)
		note_cwd(true);
	return r;
}

int
fchdir(int fd)
{
	int r;

	if (hj_rfd(fd) < 0) {
		r = HOST(fchdir)(fd);
		if (r == 0)
			note_cwd(false);
		return r;
	}
	r = (int)hj_ret(hj_call(SYS_fchdir, hj_rfd(fd), 0, 0, 0, 0, 0));
	if (r == 0)
		note_cwd(true);
	return r;
}

char *
getcwd(char *buf, size_t size)
{
	char rbuf[4096];
	size_t n;
	long r;

	if (!hj_cwd_remote)
		return HOST(getcwd)(buf, size);
	r = hj_ret(hj_call(SYS_getcwd, L(rbuf), sizeof(rbuf), 0, 0, 0, 0));
	if (r < 0)
		return NULL;
	/* The server's "/x" is our "<prefix>/x"; its "/" is "<prefix>". */
	n = hj_prefixlen + (strcmp(rbuf, "/") == 0 ? 0 : strlen(rbuf)) + 1;
	if (buf == NULL) {
		buf = malloc(size > n ? size : n);
		if (buf == NULL)
			return NULL;
	} else if (size < n) {
		errno = ERANGE;
		return NULL;
	}
	memcpy(buf, hj_prefix, hj_prefixlen);
	strcpy(buf + hj_prefixlen, strcmp(rbuf, "/") == 0 ? "" : rbuf);
	return buf;
}

char *
get_current_dir_name(void)
{
	return getcwd(NULL, 0);
}
