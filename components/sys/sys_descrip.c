/*
 * sys_descrip.c -- system calls on descriptors themselves: close, dup*,
 * fcntl, ioctl's generic requests, fstat and lseek.
 */
#include "sys_int.h"
#include <abi/ioctl.h>

long
sys_close(int fd)
{
	return fd_close(fd);
}

long
sys_dup(int oldfd)
{
	struct file *f = fd_getfile(oldfd);
	int fd;

	if (f == NULL)
		return -EBADF;
	fd = fd_alloc(f, 0, false);
	file_rele(f);
	return fd;
}

static long
dup_to(int oldfd, int newfd, bool cloexec)
{
	struct file *f = fd_getfile(oldfd);
	int fd;

	if (f == NULL)
		return -EBADF;
	fd = fd_dup2(f, newfd, cloexec);
	file_rele(f);
	return fd;
}

long
sys_dup2(int oldfd, int newfd)
{
	if (oldfd == newfd) {
		struct file *f = fd_getfile(oldfd);

		if (f == NULL)
			return -EBADF;
		file_rele(f);
		return newfd;
	}
	return dup_to(oldfd, newfd, false);
}

long
sys_dup3(int oldfd, int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return dup_to(oldfd, newfd, (flags & O_CLOEXEC) != 0);
}

/* The status flags F_SETFL may change; the rest are kept as they are. */
#define SETFL_MASK (O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_NOATIME)

static long
fcntl_file(struct file *f, int fd, int cmd, unsigned long arg)
{
	int fl;

	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= (unsigned long)fd_nofile())
			return -EINVAL;
		return fd_alloc(f, (int)arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		fl = fd_getflags(fd);
		if (fl < 0)
			return fl;
		return (fl & FDT_CLOEXEC) ? FD_CLOEXEC : 0;
	case F_SETFD:
		return fd_setflags(fd, (arg & FD_CLOEXEC) ? FDT_CLOEXEC : 0);
	case F_GETFL:
		mutex_enter(&f->f_lock);
		fl = f->f_flag;
		mutex_exit(&f->f_lock);
		return fl;
	case F_SETFL:
		mutex_enter(&f->f_lock);
		/* Turning on O_ASYNC (SIGIO) or O_DIRECT is not supported;
		 * keeping what open gave is (F_SETFL(F_GETFL | x) idiom). */
		if ((int)arg & ~f->f_flag & (O_ASYNC | O_DIRECT)) {
			mutex_exit(&f->f_lock);
			return -EINVAL;
		}
		f->f_flag = (f->f_flag & ~SETFL_MASK) | ((int)arg & SETFL_MASK);
		mutex_exit(&f->f_lock);
		return 0;
	case F_GETOWN:
	case F_SETOWN:
	case F_GETOWN_EX:
	case F_SETOWN_EX:
	case F_GETSIG:
	case F_SETSIG:
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
	case F_ADD_SEALS:
	case F_GET_SEALS:
	case F_SETLEASE:
	case F_GETLEASE:
	case F_NOTIFY:
		/* Meaningful only for some kinds of file: ask it. */
		if (f->f_ops->fo_fcntl == NULL)
			return -EINVAL;
		return f->f_ops->fo_fcntl(f, cmd, (long)arg);
	default:
		return -EINVAL;
	}
}

long
sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct file *f = fd_getfile(fd);
	long r;

	if (f == NULL)
		return -EBADF;
	r = fcntl_file(f, fd, cmd, arg);
	file_rele(f);
	return r;
}

long
sys_ioctl(int fd, unsigned long request, void *arg)
{
	struct file *f = fd_getfile(fd);
	int32_t on;
	long r;

	if (f == NULL)
		return -EBADF;
	switch (request) {
	case FIOCLEX:
		r = fd_setflags(fd, FDT_CLOEXEC);
		break;
	case FIONCLEX:
		r = fd_setflags(fd, 0);
		break;
	case FIONBIO:
		r = copyin(arg, &on, sizeof(on));
		if (r != 0)
			break;
		mutex_enter(&f->f_lock);
		if (on)
			f->f_flag |= O_NONBLOCK;
		else
			f->f_flag &= ~O_NONBLOCK;
		mutex_exit(&f->f_lock);
		break;
	default:
		r = f->f_ops->fo_ioctl != NULL
		    ? f->f_ops->fo_ioctl(f, request, arg) : -ENOTTY;
		break;
	}
	file_rele(f);
	return r;
}

long
sys_fstat(int fd, struct stat *st)
{
	struct file *f = fd_getfile(fd);
	struct stat kst;
	long r;

	if (f == NULL)
		return -EBADF;
	memset(&kst, 0, sizeof(kst));
	r = f->f_ops->fo_stat != NULL ? f->f_ops->fo_stat(f, &kst) : -EBADF;
	file_rele(f);
	if (r == 0)
		r = copyout(&kst, st, sizeof(kst));
	return r;
}

long
sys_lseek(int fd, off_t offset, int whence)
{
	struct file *f = fd_getfile(fd);
	long r;

	if (f == NULL)
		return -EBADF;
	if (f->f_ops->fo_seek == NULL)
		r = -ESPIPE;
	else if (whence < SEEK_SET || whence > SEEK_MAX)
		r = -EINVAL;
	else
		r = f->f_ops->fo_seek(f, offset, whence);
	file_rele(f);
	return r;
}

/* close_range(2) flags (Linux UAPI linux/close_range.h). */
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)

long
sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	unsigned int fd, top;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (first > last)
		return -EINVAL;
	/* Tables are never shared here, so UNSHARE has nothing to do. */
	top = (unsigned int)fd_nofile();
	for (fd = first; fd <= last && fd < top; fd++) {
		if (flags & CLOSE_RANGE_CLOEXEC)
			(void)fd_setflags((int)fd, FDT_CLOEXEC);
		else
			(void)fd_close((int)fd);
	}
	return 0;
}
