/*
 * eventfd.c -- eventfd(2): a 64-bit counter as a file.  read takes the
 * whole count (or 1 with EFD_SEMAPHORE) and blocks at 0; write adds and
 * blocks while the sum would pass EVENTFD_MAX.
 */
#include "sys_int.h"
#include <abi/eventfd.h>
#include <abi/stat.h>

struct eventfd {
	kmutex_t ef_lock;
	kcondvar_t ef_cv;       /* readers and writers both wait here */
	uint64_t ef_count;
	bool ef_semaphore;
	struct selinfo ef_sel;
};

static ssize_t
eventfd_read(struct file *f, struct uio *uio, int flags)
{
	struct eventfd *ef = f->f_data;
	uint64_t v;
	int error = 0;

	if (uio->uio_resid < sizeof(v))
		return -EINVAL;
	mutex_enter(&ef->ef_lock);
	while (ef->ef_count == 0) {
		if (flags & O_NONBLOCK) {
			error = -EAGAIN;
			goto out;
		}
		error = cv_wait_sig(&ef->ef_cv, &ef->ef_lock);
		if (error == -EINTR)
			error = -ERESTARTSYS;  /* SA_RESTART may resume */
		if (error != 0)
			goto out;
	}
	v = ef->ef_semaphore ? 1 : ef->ef_count;
	error = uiomove(&v, sizeof(v), uio);
	if (error != 0)
		goto out;
	ef->ef_count -= v;
	cv_broadcast(&ef->ef_cv);
	selnotify(&ef->ef_sel, POLLOUT | POLLWRNORM);
out:
	mutex_exit(&ef->ef_lock);
	return error != 0 ? error : (ssize_t)sizeof(v);
}

static ssize_t
eventfd_write(struct file *f, struct uio *uio, int flags)
{
	struct eventfd *ef = f->f_data;
	uint64_t v;
	int error;

	if (uio->uio_resid < sizeof(v))
		return -EINVAL;
	error = uiomove(&v, sizeof(v), uio);
	if (error != 0)
		return error;
	if (v == UINT64_MAX)
		return -EINVAL;
	mutex_enter(&ef->ef_lock);
	while (EVENTFD_MAX - ef->ef_count < v) {
		if (flags & O_NONBLOCK) {
			error = -EAGAIN;
			goto out;
		}
		error = cv_wait_sig(&ef->ef_cv, &ef->ef_lock);
		if (error == -EINTR)
			error = -ERESTARTSYS;  /* SA_RESTART may resume */
		if (error != 0)
			goto out;
	}
	ef->ef_count += v;
	if (v != 0) {
		cv_broadcast(&ef->ef_cv);
		selnotify(&ef->ef_sel, POLLIN | POLLRDNORM);
	}
out:
	mutex_exit(&ef->ef_lock);
	return error != 0 ? error : (ssize_t)sizeof(v);
}

static int
eventfd_poll(struct file *f, int events, struct pollwait *pw)
{
	struct eventfd *ef = f->f_data;
	int revents = 0;

	mutex_enter(&ef->ef_lock);
	if (ef->ef_count > 0)
		revents |= POLLIN | POLLRDNORM;
	if (ef->ef_count < EVENTFD_MAX)
		revents |= POLLOUT | POLLWRNORM;
	selrecord(pw, &ef->ef_sel);
	mutex_exit(&ef->ef_lock);
	return revents & events;
}

static int
eventfd_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	return -ENOTTY;
}

static int
eventfd_stat(struct file *f, struct stat *st)
{
	/* An anonymous inode: no file type bits, as on Linux. */
	st->st_mode = S_IRUSR | S_IWUSR;
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static int
eventfd_close(struct file *f)
{
	struct eventfd *ef = f->f_data;

	selinfo_destroy(&ef->ef_sel);
	cv_destroy(&ef->ef_cv);
	mutex_destroy(&ef->ef_lock);
	kmem_free(ef, sizeof(*ef));
	return 0;
}

static const struct fileops eventfd_ops = {
	.fo_read = eventfd_read,
	.fo_write = eventfd_write,
	.fo_ioctl = eventfd_ioctl,
	.fo_poll = eventfd_poll,
	.fo_stat = eventfd_stat,
	.fo_close = eventfd_close,
};

long
sys_eventfd2(unsigned int initval, int flags)
{
	struct eventfd *ef;
	struct file *f;
	int fd;

	if (flags & ~(EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC))
		return -EINVAL;
	ef = kmem_zalloc(sizeof(*ef), KM_SLEEP);
	if (ef == NULL)
		return -ENOMEM;
	mutex_init(&ef->ef_lock, MUTEX_DEFAULT);
	cv_init(&ef->ef_cv);
	selinfo_init(&ef->ef_sel);
	ef->ef_count = initval;
	ef->ef_semaphore = (flags & EFD_SEMAPHORE) != 0;
	f = file_alloc(&eventfd_ops, DTYPE_EVENTFD,
	    O_RDWR | (flags & EFD_NONBLOCK), ef);
	if (f == NULL) {
		eventfd_close(&(struct file){ .f_data = ef });
		return -ENOMEM;
	}
	fd = fd_alloc(f, 0, (flags & EFD_CLOEXEC) != 0);
	file_rele(f);
	return fd;
}

long
sys_eventfd(unsigned int initval)
{
	return sys_eventfd2(initval, 0);
}
