/*
 * socket.c -- the socket object and its struct file: creation and
 * teardown, read/write/poll/ioctl/stat on a socket descriptor, and the
 * sleep helpers protocols use (timeouts of SO_RCVTIMEO/SO_SNDTIMEO,
 * signals).
 */
#include "net_int.h"
#include <abi/ioctl.h>
#include <abi/stat.h>

static uint64_t socket_ino_next;
int (*soifioctl_hook)(struct socket *so, unsigned long cmd, void *uarg);

int
socket_create(const struct protosw *pr, struct socket **sop)
{
	struct socket *so;
	int error;

	so = kmem_zalloc(sizeof(*so), KM_SLEEP);
	if (so == NULL)
		return -ENOMEM;
	so->so_proto = pr;
	so->so_type = pr->pr_type;
	so->so_rcvbuf = SO_DEFAULT_BUF;
	so->so_sndbuf = SO_DEFAULT_BUF;
	so->so_rcvlowat = 1;
	so->so_ino = atomic_inc(&socket_ino_next);
	so->so_pid = curproc->p_pid;
	so->so_uid = curproc->p_cred.cr_euid;
	so->so_gid = curproc->p_cred.cr_egid;
	cv_init(&so->so_rcv_cv);
	cv_init(&so->so_snd_cv);
	selinfo_init(&so->so_sel);
	error = pr->pr_attach(so);
	if (error != 0)
		goto out_free_socket;
	*sop = so;
	return 0;

out_free_socket:
	selinfo_destroy(&so->so_sel);
	cv_destroy(&so->so_rcv_cv);
	cv_destroy(&so->so_snd_cv);
	kmem_free(so, sizeof(*so));
	return error;
}

void
socket_destroy(struct socket *so)
{
	so->so_proto->pr_detach(so);
	selinfo_destroy(&so->so_sel);
	cv_destroy(&so->so_rcv_cv);
	cv_destroy(&so->so_snd_cv);
	kmem_free(so, sizeof(*so));
}

int
socket_file(struct socket *so, int flags, bool cloexec)
{
	struct file *f;
	int fd;

	f = file_alloc(&socket_fileops, DTYPE_SOCKET, O_RDWR | flags, so);
	if (f == NULL) {
		socket_destroy(so);
		return -ENOMEM;
	}
	fd = fd_alloc(f, 0, cloexec);
	file_rele(f);  /* the descriptor holds it now, or it is freed */
	return fd;
}

int
socket_from_fd(int fd, struct socket **sop, struct file **fp)
{
	struct file *f = fd_getfile(fd);

	if (f == NULL)
		return -EBADF;
	if (f->f_type != DTYPE_SOCKET) {
		file_rele(f);
		return -ENOTSOCK;
	}
	*sop = f->f_data;
	*fp = f;
	return 0;
}

int64_t
so_deadline(int64_t ns)
{
	return ns > 0 ? nanouptime_ns() + ns : 0;
}

int
sowait(struct socket *so, kcondvar_t *cv, int64_t deadline)
{
	int error;

	if (deadline == 0) {
		error = cv_wait_sig(cv, so->so_lock);
		/* No timeout: SA_RESTART may resume the call. */
		return error == -EINTR ? -ERESTARTSYS : error;
	}
	if (nanouptime_ns() >= deadline)
		return -EAGAIN;
	error = cv_timedwait_sig(cv, so->so_lock, deadline - nanouptime_ns());
	if (error == -ETIMEDOUT)
		return nanouptime_ns() >= deadline ? -EAGAIN : 0;
	return error;
}

void
sorwakeup(struct socket *so)
{
	cv_broadcast(&so->so_rcv_cv);
	selnotify(&so->so_sel, POLLIN | POLLRDNORM);
}

void
sowwakeup(struct socket *so)
{
	cv_broadcast(&so->so_snd_cv);
	selnotify(&so->so_sel, POLLOUT | POLLWRNORM);
}

ssize_t
so_send(struct socket *so, struct sockmsg *sm, int flags)
{
	ssize_t r;

	if (so->so_proto->pr_send == NULL)
		return -EOPNOTSUPP;
	r = so->so_proto->pr_send(so, sm, flags);
	/* A stream whose peer is gone raises SIGPIPE unless asked not to. */
	if (r == -EPIPE && !(flags & MSG_NOSIGNAL))
		sig_write_error(SIGPIPE);
	return r;
}

ssize_t
so_recv(struct socket *so, struct sockmsg *sm, int flags)
{
	if (so->so_proto->pr_recv == NULL)
		return -EOPNOTSUPP;
	return so->so_proto->pr_recv(so, sm, flags);
}

static ssize_t
soo_read(struct file *f, struct uio *uio, int flags)
{
	struct sockmsg sm = { .sm_uio = uio };

	return so_recv(f->f_data, &sm, (flags & O_NONBLOCK) ? MSG_DONTWAIT : 0);
}

static ssize_t
soo_write(struct file *f, struct uio *uio, int flags)
{
	struct sockmsg sm = { .sm_uio = uio };

	return so_send(f->f_data, &sm, (flags & O_NONBLOCK) ? MSG_DONTWAIT : 0);
}

static int
soo_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	struct socket *so = f->f_data;
	int32_t n;

	switch (cmd) {
	case FIONREAD:  /* = SIOCINQ */
		if (so->so_proto->pr_nread == NULL)
			return -ENOTTY;
		n = so->so_proto->pr_nread(so);
		if (n < 0)
			return n;
		return copyout(&n, uarg, sizeof(n));
	default:
		/* net-config: interface requests (rumpnet_inet) */
		if (soifioctl_hook != NULL)
			return soifioctl_hook(so, cmd, uarg);
		return -ENOTTY;
	}
}

static int
soo_poll(struct file *f, int events, struct pollwait *pw)
{
	struct socket *so = f->f_data;

	return so->so_proto->pr_poll(so, events, pw);
}

static int
soo_stat(struct file *f, struct stat *st)
{
	struct socket *so = f->f_data;

	memset(st, 0, sizeof(*st));
	st->st_dev = 0x08;  /* an anonymous device, as sockfs has */
	st->st_ino = so->so_ino;
	st->st_nlink = 1;
	st->st_mode = S_IFSOCK | 0777;
	st->st_uid = so->so_uid;
	st->st_gid = so->so_gid;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static int
soo_close(struct file *f)
{
	socket_destroy(f->f_data);
	return 0;
}

const struct fileops socket_fileops = {
	.fo_read = soo_read,
	.fo_write = soo_write,
	.fo_ioctl = soo_ioctl,
	.fo_poll = soo_poll,
	.fo_stat = soo_stat,
	.fo_close = soo_close,
};
