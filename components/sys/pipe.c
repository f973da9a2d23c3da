/*
 * pipe.c -- pipes: a ring buffer (64 KiB by default, F_SETPIPE_SZ
 * changes it) shared by a read end and a write end, each a struct file.
 * Writes of at most PIPE_BUF bytes are atomic; larger ones may be split
 * between readers.  Blocking waits are interruptible by signals.
 */
#include "sys_int.h"
#include <abi/ioctl.h>
#include <abi/stat.h>
#include <abi/statfs.h>

#define PIPE_SIZE (64 * 1024)
#define PIPE_MAXSIZE (1024 * 1024)  /* /proc/sys/fs/pipe-max-size */
#define PIPE_ATOMIC 4096            /* PIPE_BUF of abi/limits.h */

struct pipe {
	kmutex_t pi_lock;
	kcondvar_t pi_rcv;      /* readers wait for data */
	kcondvar_t pi_wcv;      /* writers wait for room */
	char *pi_buf;
	size_t pi_size;         /* bytes of pi_buf */
	size_t pi_start;        /* first unread byte */
	size_t pi_count;        /* unread bytes */
	int pi_readers;         /* open read ends */
	int pi_writers;         /* open write ends */
	struct selinfo pi_rsel; /* read ends poll here */
	struct selinfo pi_wsel; /* write ends poll here */
	uint64_t pi_ino;
	uid_t pi_uid;
	gid_t pi_gid;
	int64_t pi_ctime_sec, pi_ctime_nsec;
};

static uint64_t pipe_ino_next;

static void
pipe_free(struct pipe *pi)
{
	selinfo_destroy(&pi->pi_rsel);
	selinfo_destroy(&pi->pi_wsel);
	cv_destroy(&pi->pi_rcv);
	cv_destroy(&pi->pi_wcv);
	mutex_destroy(&pi->pi_lock);
	kmem_free(pi->pi_buf, pi->pi_size);
	kmem_free(pi, sizeof(*pi));
}

static ssize_t
pipe_read(struct file *f, struct uio *uio, int flags)
{
	struct pipe *pi = f->f_data;
	size_t done = 0;
	int error = 0;

	if (uio->uio_resid == 0)
		return 0;
	mutex_enter(&pi->pi_lock);
	while (pi->pi_count == 0) {
		if (pi->pi_writers == 0)
			goto out;  /* end of file */
		if (flags & O_NONBLOCK) {
			error = -EAGAIN;
			goto out;
		}
		error = cv_wait_sig(&pi->pi_rcv, &pi->pi_lock);
		if (error == -EINTR)
			error = -ERESTARTSYS;  /* SA_RESTART may resume */
		if (error != 0)
			goto out;
	}
	while (pi->pi_count > 0 && uio->uio_resid > 0) {
		size_t n = MIN(pi->pi_count, pi->pi_size - pi->pi_start);
		size_t before = uio->uio_resid;

		n = MIN(n, uio->uio_resid);
		error = uiomove(pi->pi_buf + pi->pi_start, n, uio);
		n = before - uio->uio_resid;
		pi->pi_start = (pi->pi_start + n) % pi->pi_size;
		pi->pi_count -= n;
		done += n;
		if (error != 0)
			break;
	}
	if (pi->pi_count == 0)
		pi->pi_start = 0;  /* keep writes contiguous */
	cv_broadcast(&pi->pi_wcv);
	selnotify(&pi->pi_wsel, POLLOUT | POLLWRNORM);
out:
	mutex_exit(&pi->pi_lock);
	return done > 0 ? (ssize_t)done : error;
}

/* Copy up to n bytes from uio into the ring (pi_lock held). */
static int
pipe_fill(struct pipe *pi, struct uio *uio, size_t n, size_t *donep)
{
	while (n > 0) {
		size_t end = (pi->pi_start + pi->pi_count) % pi->pi_size;
		size_t chunk = MIN(n, pi->pi_size - end);
		size_t before = uio->uio_resid;
		int error;

		error = uiomove(pi->pi_buf + end, chunk, uio);
		chunk = before - uio->uio_resid;
		pi->pi_count += chunk;
		*donep += chunk;
		n -= chunk;
		if (error != 0)
			return error;
		if (chunk == 0)
			break;
	}
	return 0;
}

static ssize_t
pipe_write(struct file *f, struct uio *uio, int flags)
{
	struct pipe *pi = f->f_data;
	size_t done = 0;
	int error = 0;

	if (uio->uio_resid == 0)
		return 0;
	mutex_enter(&pi->pi_lock);
	while (uio->uio_resid > 0) {
		size_t room, want;

		if (pi->pi_readers == 0) {
			error = -EPIPE;
			break;
		}
		room = pi->pi_size - pi->pi_count;
		/* Up to PIPE_BUF goes in whole or not at all. */
		want = uio->uio_resid <= PIPE_ATOMIC ? uio->uio_resid : 1;
		if (room < want) {
			if (flags & O_NONBLOCK) {
				error = -EAGAIN;
				break;
			}
			error = cv_wait_sig(&pi->pi_wcv, &pi->pi_lock);
			if (error == -EINTR)
				error = -ERESTARTSYS;  /* SA_RESTART may resume */
			if (error != 0)
				break;
			continue;
		}
		error = pipe_fill(pi, uio, MIN(room, uio->uio_resid), &done);
		cv_broadcast(&pi->pi_rcv);
		selnotify(&pi->pi_rsel, POLLIN | POLLRDNORM);
		if (error != 0)
			break;
	}
	mutex_exit(&pi->pi_lock);
	if (error == -EPIPE)
		sig_write_error(SIGPIPE);
	return done > 0 ? (ssize_t)done : error;
}

static int
pipe_poll(struct file *f, int events, struct pollwait *pw)
{
	struct pipe *pi = f->f_data;
	bool reader = (f->f_flag & O_ACCMODE) == O_RDONLY;
	int revents = 0;

	mutex_enter(&pi->pi_lock);
	if (reader) {
		if (pi->pi_count > 0)
			revents |= events & (POLLIN | POLLRDNORM);
		if (pi->pi_writers == 0)
			revents |= POLLHUP;
		selrecord(pw, &pi->pi_rsel);
	} else {
		if (pi->pi_size - pi->pi_count >= PIPE_ATOMIC)
			revents |= events & (POLLOUT | POLLWRNORM);
		if (pi->pi_readers == 0)
			revents |= POLLERR;
		selrecord(pw, &pi->pi_wsel);
	}
	mutex_exit(&pi->pi_lock);
	return revents;
}

static int
pipe_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	struct pipe *pi = f->f_data;
	int32_t n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_enter(&pi->pi_lock);
	n = (int32_t)pi->pi_count;
	mutex_exit(&pi->pi_lock);
	return copyout(&n, uarg, sizeof(n));
}

/* F_SETPIPE_SZ: a power of two of at least a page, up to the maximum. */
static int
pipe_resize(struct pipe *pi, long arg)
{
	size_t size = PAGE_SIZE;
	char *nbuf;

	if (arg < 0 || arg > PIPE_MAXSIZE)
		return arg < 0 ? -EINVAL : -EPERM;
	while (size < (size_t)arg)
		size *= 2;
	nbuf = kmem_alloc(size, KM_SLEEP);
	if (nbuf == NULL)
		return -ENOMEM;
	mutex_enter(&pi->pi_lock);
	if (pi->pi_count > size) {
		mutex_exit(&pi->pi_lock);
		kmem_free(nbuf, size);
		return -EBUSY;
	}
	for (size_t i = 0; i < pi->pi_count; i++)
		nbuf[i] = pi->pi_buf[(pi->pi_start + i) % pi->pi_size];
	kmem_free(pi->pi_buf, pi->pi_size);
	pi->pi_buf = nbuf;
	pi->pi_size = size;
	pi->pi_start = 0;
	cv_broadcast(&pi->pi_wcv);
	selnotify(&pi->pi_wsel, POLLOUT | POLLWRNORM);
	mutex_exit(&pi->pi_lock);
	return (int)size;
}

static int
pipe_fcntl(struct file *f, int cmd, long arg)
{
	struct pipe *pi = f->f_data;

	switch (cmd) {
	case F_GETPIPE_SZ:
		return (int)pi->pi_size;
	case F_SETPIPE_SZ:
		return pipe_resize(pi, arg);
	default:
		return -EINVAL;
	}
}

static int
pipe_stat(struct file *f, struct stat *st)
{
	struct pipe *pi = f->f_data;

	st->st_dev = 0x0c;  /* an anonymous device, as pipefs has */
	st->st_ino = pi->pi_ino;
	st->st_nlink = 1;
	st->st_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	st->st_uid = pi->pi_uid;
	st->st_gid = pi->pi_gid;
	st->st_blksize = PAGE_SIZE;
	st->st_atime = st->st_mtime = st->st_ctime = (uint64_t)pi->pi_ctime_sec;
	st->st_atime_nsec = st->st_mtime_nsec = st->st_ctime_nsec =
	    (uint64_t)pi->pi_ctime_nsec;
	return 0;
}

static int
pipe_close(struct file *f)
{
	struct pipe *pi = f->f_data;
	bool last;

	mutex_enter(&pi->pi_lock);
	if ((f->f_flag & O_ACCMODE) == O_RDONLY)
		pi->pi_readers--;
	else
		pi->pi_writers--;
	last = pi->pi_readers == 0 && pi->pi_writers == 0;
	cv_broadcast(&pi->pi_rcv);
	cv_broadcast(&pi->pi_wcv);
	selnotify(&pi->pi_rsel, POLLIN | POLLHUP);
	selnotify(&pi->pi_wsel, POLLOUT | POLLERR);
	mutex_exit(&pi->pi_lock);
	if (last)
		pipe_free(pi);
	return 0;
}

static const struct fileops pipe_ops = {
	.fo_read = pipe_read,
	.fo_write = pipe_write,
	.fo_ioctl = pipe_ioctl,
	.fo_fcntl = pipe_fcntl,
	.fo_poll = pipe_poll,
	.fo_stat = pipe_stat,
	.fo_close = pipe_close,
};

int
pipe_create(struct file **rfp, struct file **wfp, int flags)
{
	struct pipe *pi;
	struct file *rf, *wf;

	pi = kmem_zalloc(sizeof(*pi), KM_SLEEP);
	if (pi == NULL)
		return -ENOMEM;
	pi->pi_buf = kmem_alloc(PIPE_SIZE, KM_SLEEP);
	if (pi->pi_buf == NULL)
		goto out_free_pipe;
	pi->pi_size = PIPE_SIZE;
	mutex_init(&pi->pi_lock, MUTEX_DEFAULT);
	cv_init(&pi->pi_rcv);
	cv_init(&pi->pi_wcv);
	selinfo_init(&pi->pi_rsel);
	selinfo_init(&pi->pi_wsel);
	pi->pi_ino = atomic_inc(&pipe_ino_next);
	pi->pi_uid = curproc->p_cred.cr_euid;
	pi->pi_gid = curproc->p_cred.cr_egid;
	nanotime(&pi->pi_ctime_sec, &pi->pi_ctime_nsec);

	rf = file_alloc(&pipe_ops, DTYPE_PIPE, O_RDONLY | flags, pi);
	if (rf == NULL)
		goto out_free_buf;
	pi->pi_readers = 1;
	wf = file_alloc(&pipe_ops, DTYPE_PIPE, O_WRONLY | flags, pi);
	if (wf == NULL) {
		file_rele(rf);  /* closes the read end, frees pi */
		return -ENOMEM;
	}
	pi->pi_writers = 1;
	*rfp = rf;
	*wfp = wf;
	return 0;

out_free_buf:
	pipe_free(pi);
	return -ENOMEM;
out_free_pipe:
	kmem_free(pi, sizeof(*pi));
	return -ENOMEM;
}

long
sys_pipe2(int *fds, int flags)
{
	struct file *rf, *wf;
	int kfds[2];
	int error;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	if (!uaddr_ok(fds, sizeof(kfds)))
		return -EFAULT;
	error = pipe_create(&rf, &wf, flags & O_NONBLOCK);
	if (error != 0)
		return error;
	error = fd_alloc2(rf, wf, (flags & O_CLOEXEC) != 0, kfds);
	file_rele(rf);
	file_rele(wf);
	if (error != 0)
		return error;
	error = copyout(kfds, fds, sizeof(kfds));
	if (error != 0) {
		fd_close(kfds[0]);
		fd_close(kfds[1]);
	}
	return error;
}

long
sys_pipe(int *fds)
{
	return sys_pipe2(fds, 0);
}
