/*
 * hj_fd.c -- the hijacked calls that take a descriptor: a remote one
 * (hj_rfd) goes to the server, any other to the host.  Descriptor
 * copying (dup, dup2, F_DUPFD) keeps the host placeholder and the
 * server's descriptor in step.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "hijack.h"

#define L(x) ((long)(x))

int
close(int fd)
{
	int rfd = hj_rfd(fd);

	if (rfd < 0)
		return HOST(close)(fd);
	hj_forget(fd);
	syscall(SYS_close, fd);
	return (int)hj_ret(hj_call(SYS_close, rfd, 0, 0, 0, 0, 0));
}

ssize_t
read(int fd, void *buf, size_t n)
{
	if (hj_rfd(fd) < 0)
		return HOST(read)(fd, buf, n);
	return hj_ret(hj_call(SYS_read, hj_rfd(fd), L(buf), L(n), 0, 0, 0));
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (hj_rfd(fd) < 0)
		return HOST(write)(fd, buf, n);
	return hj_ret(hj_call(SYS_write, hj_rfd(fd), L(buf), L(n), 0, 0, 0));
}

ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	if (hj_rfd(fd) < 0)
		return HOST(pread)(fd, buf, n, off);
	return hj_ret(hj_call(SYS_pread64, hj_rfd(fd), L(buf), L(n), off, 0,
	    0));
}

ssize_t pread64(int, void *, size_t, off_t) __attribute__((alias("pread")));

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	if (hj_rfd(fd) < 0)
		return HOST(pwrite)(fd, buf, n, off);
	return hj_ret(hj_call(SYS_pwrite64, hj_rfd(fd), L(buf), L(n), off, 0,
	    0));
}

ssize_t pwrite64(int, const void *, size_t, off_t)
    __attribute__((alias("pwrite")));

ssize_t
readv(int fd, const struct iovec *iov, int cnt)
{
	if (hj_rfd(fd) < 0)
		return HOST(readv)(fd, iov, cnt);
	return hj_ret(hj_call(SYS_readv, hj_rfd(fd), L(iov), cnt, 0, 0, 0));
}

ssize_t
writev(int fd, const struct iovec *iov, int cnt)
{
	if (hj_rfd(fd) < 0)
		return HOST(writev)(fd, iov, cnt);
	return hj_ret(hj_call(SYS_writev, hj_rfd(fd), L(iov), cnt, 0, 0, 0));
}

off_t
lseek(int fd, off_t off, int whence)
{
	if (hj_rfd(fd) < 0)
		return HOST(lseek)(fd, off, whence);
	return hj_ret(hj_call(SYS_lseek, hj_rfd(fd), off, whence, 0, 0, 0));
}

off_t lseek64(int, off_t, int) __attribute__((alias("lseek")));

int
fstat(int fd, struct stat *st)
{
	if (hj_rfd(fd) < 0)
		return HOST(fstat)(fd, st);
	return (int)hj_ret(hj_call(SYS_fstat, hj_rfd(fd), L(st), 0, 0, 0, 0));
}

/* glibc declares the *64 names with *64 types: same layout here. */
__asm__(".globl fstat64\n.set fstat64, fstat");

int
fstatfs(int fd, struct statfs *st)
{
	if (hj_rfd(fd) < 0)
		return HOST(fstatfs)(fd, st);
	return (int)hj_ret(hj_call(SYS_fstatfs, hj_rfd(fd), L(st), 0, 0, 0, 0));
}

__asm__(".globl fstatfs64\n.set fstatfs64, fstatfs");

int
statfs(const char *path, struct statfs *st)
{
	const char *rp;
	int rdir;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(statfs)(path, st);
	return (int)hj_ret(hj_call(SYS_statfs, L(rp), L(st), 0, 0, 0, 0));
}

__asm__(".globl statfs64\n.set statfs64, statfs");

ssize_t
getdents64(int fd, void *buf, size_t n)
{
	if (hj_rfd(fd) < 0)
		return HOST(getdents64)(fd, buf, n);
	return hj_ret(hj_call(SYS_getdents64, hj_rfd(fd), L(buf), L(n), 0, 0,
	    0));
}

int
ftruncate(int fd, off_t len)
{
	if (hj_rfd(fd) < 0)
		return HOST(ftruncate)(fd, len);
	return (int)hj_ret(hj_call(SYS_ftruncate, hj_rfd(fd), len, 0, 0, 0, 0));
}

int ftruncate64(int, off_t) __attribute__((alias("ftruncate")));

int
fsync(int fd)
{
	if (hj_rfd(fd) < 0)
		return HOST(fsync)(fd);
	return (int)hj_ret(hj_call(SYS_fsync, hj_rfd(fd), 0, 0, 0, 0, 0));
}

int
fdatasync(int fd)
{
	if (hj_rfd(fd) < 0)
		return HOST(fdatasync)(fd);
	return (int)hj_ret(hj_call(SYS_fdatasync, hj_rfd(fd), 0, 0, 0, 0, 0));
}

int
fchmod(int fd, mode_t mode)
{
	if (hj_rfd(fd) < 0)
		return HOST(fchmod)(fd, mode);
	return (int)hj_ret(hj_call(SYS_fchmod, hj_rfd(fd), mode, 0, 0, 0, 0));
}

int
fchown(int fd, uid_t uid, gid_t gid)
{
	if (hj_rfd(fd) < 0)
		return HOST(fchown)(fd, uid, gid);
	return (int)hj_ret(hj_call(SYS_fchown, hj_rfd(fd), (int)uid, (int)gid,
	    0, 0, 0));
}

int
futimens(int fd, const struct timespec ts[2])
{
	if (hj_rfd(fd) < 0)
		return HOST(futimens)(fd, ts);
	return (int)hj_ret(hj_call(SYS_utimensat, hj_rfd(fd), 0, L(ts), 0, 0,
	    0));
}

/* Advice only: a remote file takes none. */
int
posix_fadvise(int fd, off_t off, off_t len, int advice)
{
	if (hj_rfd(fd) < 0)
		return HOST(posix_fadvise)(fd, off, len, advice);
	return 0;
}

int posix_fadvise64(int, off_t, off_t, int)
    __attribute__((alias("posix_fadvise")));

/* Across the two kernels there is no shortcut: callers fall back. */
ssize_t
copy_file_range(int in, off_t *inoff, int out, off_t *outoff, size_t n,
    unsigned int flags)
{
	if (hj_rfd(in) < 0 && hj_rfd(out) < 0)
		return HOST(copy_file_range)(in, inoff, out, outoff, n, flags);
	errno = EXDEV;
	return -1;
}

int
ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (hj_rfd(fd) < 0)
		return HOST(ioctl)(fd, req, arg);
	return (int)hj_ret(hj_call(SYS_ioctl, hj_rfd(fd), (long)req, L(arg), 0,
	    0, 0));
}

int
dup(int fd)
{
	if (hj_rfd(fd) < 0)
		return HOST(dup)(fd);
	return hj_adopt((int)hj_call(SYS_dup, hj_rfd(fd), 0, 0, 0, 0, 0), -1,
	    0, false);
}

int
dup3(int old, int new, int flags)
{
	int rnew = hj_rfd(new);

	if (old == new) {
		errno = EINVAL;
		return -1;
	}
	if (hj_rfd(old) < 0) {
		int r = HOST(dup3)(old, new, flags);

		if (r >= 0 && rnew >= 0) {
			hj_forget(new);
			hj_call(SYS_close, rnew, 0, 0, 0, 0, 0);
		}
		return r;
	}
	if (rnew >= 0) {
		hj_forget(new);
		hj_call(SYS_close, rnew, 0, 0, 0, 0, 0);
	}
	return hj_adopt((int)hj_call(SYS_dup, hj_rfd(old), 0, 0, 0, 0, 0), new,
	    0, (flags & O_CLOEXEC) != 0);
}

int
dup2(int old, int new)
{
	if (old == new) {
		if (hj_rfd(old) >= 0)
			return new;
		return HOST(dup2)(old, new);
	}
	return dup3(old, new, 0);
}

int
fcntl(int fd, int cmd, ...)
{
	int rfd = hj_rfd(fd);
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (rfd < 0)
		return HOST(fcntl)(fd, cmd, arg);
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return hj_adopt((int)hj_call(SYS_dup, rfd, 0, 0, 0, 0, 0), -1,
		    (int)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
	case F_SETFD:
		/* Close-on-exec belongs to the host descriptor. */
		return HOST(fcntl)(fd, cmd, arg);
	default:
		return (int)hj_ret(hj_call(SYS_fcntl, rfd, cmd, arg, 0, 0, 0));
	}
}

int fcntl64(int, int, ...) __attribute__((alias("fcntl")));
