/*
 * hj_xattr.c -- extended attributes of remote files.  ls and cp ask
 * for them (ACLs, SELinux labels); a server kernel without xattr
 * support answers ENOSYS, which callers understand as ENOTSUP.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <sys/xattr.h>

#include "hijack.h"

#define L(x) ((long)(x))

static ssize_t
xret(long r)
{
	if (r == -ENOSYS)
		r = -ENOTSUP;
	return hj_ret(r);
}

ssize_t
getxattr(const char *path, const char *name, void *val, size_t n)
{
	const char *rp;
	int rdir;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(getxattr)(path, name, val, n);
	return xret(hj_call(SYS_getxattr, L(rp), L(name), L(val), L(n), 0, 0));
}

ssize_t
lgetxattr(const char *path, const char *name, void *val, size_t n)
{
	const char *rp;
	int rdir;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(lgetxattr)(path, name, val, n);
	return xret(hj_call(SYS_lgetxattr, L(rp), L(name), L(val), L(n), 0, 0));
}

ssize_t
fgetxattr(int fd, const char *name, void *val, size_t n)
{
	if (hj_rfd(fd) < 0)
		return HOST(fgetxattr)(fd, name, val, n);
	return xret(hj_call(SYS_fgetxattr, hj_rfd(fd), L(name), L(val), L(n),
	    0, 0));
}

ssize_t
listxattr(const char *path, char *list, size_t n)
{
	const char *rp;
	int rdir;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(listxattr)(path, list, n);
	return xret(hj_call(SYS_listxattr, L(rp), L(list), L(n), 0, 0, 0));
}

ssize_t
llistxattr(const char *path, char *list, size_t n)
{
	const char *rp;
	int rdir;

	if (!hj_path(AT_FDCWD, path, &rdir, &rp))
		return HOST(llistxattr)(path, list, n);
	return xret(hj_call(SYS_llistxattr, L(rp), L(list), L(n), 0, 0, 0));
}

ssize_t
flistxattr(int fd, char *list, size_t n)
{
	if (hj_rfd(fd) < 0)
		return HOST(flistxattr)(fd, list, n);
	return xret(hj_call(SYS_flistxattr, hj_rfd(fd), L(list), L(n), 0, 0,
	    0));
}

int
fsetxattr(int fd, const char *name, const void *val, size_t n, int flags)
{
	if (hj_rfd(fd) < 0)
		return HOST(fsetxattr)(fd, name, val, n, flags);
	return (int)xret(hj_call(SYS_fsetxattr, hj_rfd(fd), L(name), L(val),
	    L(n), flags, 0));
}
