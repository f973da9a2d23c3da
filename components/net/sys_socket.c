/*
 * sys_socket.c -- the socket system calls: arguments are checked and
 * copied in here, once, and the protocol (struct protosw) does the rest.
 */
#include "net_int.h"

/* Copy in a caller's socket address of len bytes. */
static int
sockaddr_in_copy(const struct sockaddr *uaddr, socklen_t len,
    struct sockaddr_storage *ss)
{
	/* Linux takes the length as an int: "negative" is too long. */
	if (len > sizeof(*ss))
		return -EINVAL;
	memset(ss, 0, sizeof(*ss));
	if (len == 0)
		return 0;
	if (uaddr == NULL)
		return -EFAULT;
	return copyin(uaddr, ss, len);
}

/* Copy out an address of len bytes to (uaddr, *ulenp): truncated to the
 * caller's room, the full length written back, as Linux does. */
static int
sockaddr_out_copy(const struct sockaddr_storage *ss, socklen_t len,
    struct sockaddr *uaddr, socklen_t *ulenp)
{
	socklen_t room;
	int error;

	if (ulenp == NULL)
		return 0;
	error = copyin(ulenp, &room, sizeof(room));
	if (error != 0)
		return error;
	if ((int32_t)room < 0)
		return -EINVAL;
	if (MIN(room, len) > 0) {
		error = copyout(ss, uaddr, MIN(room, len));
		if (error != 0)
			return error;
	}
	return copyout(&len, ulenp, sizeof(len));
}

long
sys_socket(int domain, int type, int protocol)
{
	const struct protosw *pr;
	struct socket *so;
	int flags = type & ~SOCK_TYPE_MASK;
	int error;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	error = protosw_find(domain, type & SOCK_TYPE_MASK, protocol, &pr);
	if (error != 0)
		return error;
	error = socket_create(pr, &so);
	if (error != 0)
		return error;
	return socket_file(so, flags & SOCK_NONBLOCK, (flags & SOCK_CLOEXEC) != 0);
}

long
sys_socketpair(int domain, int type, int protocol, int *sv)
{
	const struct protosw *pr;
	struct socket *a, *b;
	struct file *fa, *fb;
	int flags = type & ~SOCK_TYPE_MASK;
	int fds[2];
	int error;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	error = protosw_find(domain, type & SOCK_TYPE_MASK, protocol, &pr);
	if (error != 0)
		return error;
	if (pr->pr_connect2 == NULL)
		return -EOPNOTSUPP;
	if (!uaddr_ok(sv, sizeof(fds)))
		return -EFAULT;
	error = socket_create(pr, &a);
	if (error != 0)
		return error;
	error = socket_create(pr, &b);
	if (error != 0)
		goto out_destroy_a;
	error = pr->pr_connect2(a, b);
	if (error != 0)
		goto out_destroy_b;
	fa = file_alloc(&socket_fileops, DTYPE_SOCKET,
	    O_RDWR | (flags & SOCK_NONBLOCK), a);
	if (fa == NULL)
		goto out_destroy_b;
	fb = file_alloc(&socket_fileops, DTYPE_SOCKET,
	    O_RDWR | (flags & SOCK_NONBLOCK), b);
	if (fb == NULL) {
		file_rele(fa);  /* destroys a */
		socket_destroy(b);
		return -ENOMEM;
	}
	error = fd_alloc2(fa, fb, (flags & SOCK_CLOEXEC) != 0, fds);
	file_rele(fa);
	file_rele(fb);
	if (error != 0)
		return error;
	error = copyout(fds, sv, sizeof(fds));
	if (error != 0) {
		fd_close(fds[0]);
		fd_close(fds[1]);
	}
	return error;

out_destroy_b:
	socket_destroy(b);
out_destroy_a:
	socket_destroy(a);
	return error != 0 ? error : -ENOMEM;
}

long
sys_bind(int fd, const struct sockaddr *addr, socklen_t addrlen)
{
	struct sockaddr_storage ss;
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	error = sockaddr_in_copy(addr, addrlen, &ss);
	if (error == 0)
		error = so->so_proto->pr_bind == NULL ? -EOPNOTSUPP :
		    so->so_proto->pr_bind(so, (struct sockaddr *)&ss, addrlen);
	file_rele(f);
	return error;
}

long
sys_listen(int fd, int backlog)
{
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	/* Linux clamps, never refuses, a backlog out of range. */
	if (backlog < 0 || backlog > SOMAXCONN)
		backlog = SOMAXCONN;
	error = so->so_proto->pr_listen == NULL ? -EOPNOTSUPP :
	    so->so_proto->pr_listen(so, backlog);
	file_rele(f);
	return error;
}

long
sys_accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags)
{
	struct sockaddr_storage ss;
	socklen_t len = 0;
	struct socket *so, *nso;
	struct file *f;
	int nfd, error;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	if (so->so_proto->pr_accept == NULL) {
		file_rele(f);
		return -EOPNOTSUPP;
	}
	if (addr != NULL && (addrlen == NULL || !uaddr_ok(addrlen, sizeof(*addrlen)))) {
		file_rele(f);
		return -EFAULT;
	}
	error = so->so_proto->pr_accept(so, (f->f_flag & O_NONBLOCK) != 0, &nso);
	file_rele(f);
	if (error != 0)
		return error;
	memset(&ss, 0, sizeof(ss));
	if (addr != NULL) {
		error = nso->so_proto->pr_peeraddr(nso, &ss, &len);
		if (error == -ENOTCONN) {  /* the peer left already */
			error = 0;
			len = sizeof(sa_family_t);
			ss.ss_family = (sa_family_t)nso->so_proto->pr_family;
		}
		if (error != 0) {
			socket_destroy(nso);
			return error;
		}
	}
	nfd = socket_file(nso, flags & SOCK_NONBLOCK, (flags & SOCK_CLOEXEC) != 0);
	if (nfd < 0 || addr == NULL)
		return nfd;
	error = sockaddr_out_copy(&ss, len, addr, addrlen);
	if (error != 0) {
		fd_close(nfd);
		return error;
	}
	return nfd;
}

long
sys_accept(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
	return sys_accept4(fd, addr, addrlen, 0);
}

long
sys_connect(int fd, const struct sockaddr *addr, socklen_t addrlen)
{
	struct sockaddr_storage ss;
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	error = sockaddr_in_copy(addr, addrlen, &ss);
	if (error == 0)
		error = so->so_proto->pr_connect == NULL ? -EOPNOTSUPP :
		    so->so_proto->pr_connect(so, (struct sockaddr *)&ss,
			addrlen, (f->f_flag & O_NONBLOCK) != 0);
	file_rele(f);
	return error;
}

/* The MSG_* flags send and receive accept; others are refused. */
#define SEND_FLAGS (MSG_DONTWAIT | MSG_NOSIGNAL | MSG_EOR | MSG_MORE | \
	MSG_CONFIRM | MSG_DONTROUTE | MSG_OOB | MSG_BATCH)
#define RECV_FLAGS (MSG_DONTWAIT | MSG_PEEK | MSG_TRUNC | MSG_WAITALL | \
	MSG_OOB | MSG_CMSG_CLOEXEC | MSG_ERRQUEUE)

static ssize_t
do_send(int fd, struct uio *uio, const struct sockaddr *to, socklen_t tolen,
    int flags)
{
	struct sockmsg sm = { .sm_uio = uio };
	struct socket *so;
	struct file *f;
	ssize_t r;

	if (flags & ~SEND_FLAGS)
		return -EOPNOTSUPP;
	r = socket_from_fd(fd, &so, &f);
	if (r != 0)
		return r;
	if (to != NULL) {
		r = sockaddr_in_copy(to, tolen, &sm.sm_name);
		if (r != 0)
			goto out;
		sm.sm_namelen = tolen;
	}
	if (f->f_flag & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	r = so_send(so, &sm, flags);
out:
	file_rele(f);
	return r;
}

/* Receive into uio; the sender's address is left in *sm. */
static ssize_t
do_recv(int fd, struct sockmsg *sm, int flags)
{
	struct socket *so;
	struct file *f;
	ssize_t r;

	if (flags & ~RECV_FLAGS)
		return -EOPNOTSUPP;
	if (flags & (MSG_OOB | MSG_ERRQUEUE))
		return -EINVAL;  /* no out-of-band data, no error queue */
	r = socket_from_fd(fd, &so, &f);
	if (r != 0)
		return r;
	if (f->f_flag & O_NONBLOCK)
		flags |= MSG_DONTWAIT;
	r = so_recv(so, sm, flags);
	file_rele(f);
	return r;
}

static int
uio_single(struct uio *uio, struct iovec *iov, void *buf, size_t len, int rw)
{
	if (len > (size_t)LONG_MAX)
		len = (size_t)LONG_MAX;
	if (len > 0 && !uaddr_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_offset = 0;
	uio->uio_resid = len;
	uio->uio_rw = rw;
	uio->uio_user = true;
	return 0;
}

long
sys_sendto(int fd, const void *buf, size_t len, int flags,
    const struct sockaddr *dest_addr, socklen_t addrlen)
{
	struct iovec iov;
	struct uio uio;
	int error;

	error = uio_single(&uio, &iov, (void *)(uintptr_t)buf, len, UIO_WRITE);
	if (error != 0)
		return error;
	return do_send(fd, &uio, dest_addr, addrlen, flags);
}

long
sys_recvfrom(int fd, void *buf, size_t len, int flags,
    struct sockaddr *src_addr, socklen_t *addrlen)
{
	struct sockmsg sm;
	struct iovec iov;
	struct uio uio;
	ssize_t r;
	int error;

	error = uio_single(&uio, &iov, buf, len, UIO_READ);
	if (error != 0)
		return error;
	memset(&sm, 0, sizeof(sm));
	sm.sm_uio = &uio;
	r = do_recv(fd, &sm, flags);
	if (r < 0 || src_addr == NULL)
		return r;
	error = sockaddr_out_copy(&sm.sm_name, sm.sm_namelen, src_addr, addrlen);
	return error != 0 ? error : r;
}

/* Copy in a msghdr and its iovec array (free with iov_free). */
static int
msg_import(const struct msghdr *umsg, struct msghdr *msg, struct iovec *fast,
    struct iovec **iovp, struct uio *uio, int rw)
{
	int error;

	error = copyin(umsg, msg, sizeof(*msg));
	if (error != 0)
		return error;
	if (msg->msg_iovlen > UIO_MAXIOV)
		return -EMSGSIZE;
	error = iov_import(msg->msg_iov, (int)msg->msg_iovlen, fast, iovp, uio,
	    rw);
	if (error != 0)
		return error;
	for (size_t i = 0; i < msg->msg_iovlen; i++) {
		if ((*iovp)[i].iov_len > 0 &&
		    !uaddr_ok((*iovp)[i].iov_base, (*iovp)[i].iov_len)) {
			iov_free(*iovp, fast, (int)msg->msg_iovlen);
			return -EFAULT;
		}
	}
	return 0;
}

long
sys_sendmsg(int fd, const struct msghdr *umsg, int flags)
{
	struct iovec fast[UIO_FASTIOV], *iov;
	struct msghdr msg;
	struct uio uio;
	ssize_t r;

	r = msg_import(umsg, &msg, fast, &iov, &uio, UIO_WRITE);
	if (r != 0)
		return r;
	if (msg.msg_controllen > 0) {
		/* SCM_RIGHTS / SCM_CREDENTIALS are not passed yet. */
		r = -ENOSYS;
		goto out;
	}
	r = do_send(fd, &uio, msg.msg_namelen ? msg.msg_name : NULL,
	    msg.msg_namelen, flags);
out:
	iov_free(iov, fast, (int)msg.msg_iovlen);
	return r;
}

long
sys_recvmsg(int fd, struct msghdr *umsg, int flags)
{
	struct iovec fast[UIO_FASTIOV], *iov;
	struct msghdr msg;
	struct sockmsg sm;
	struct uio uio;
	ssize_t r;
	int error;

	r = msg_import(umsg, &msg, fast, &iov, &uio, UIO_READ);
	if (r != 0)
		return r;
	memset(&sm, 0, sizeof(sm));
	sm.sm_uio = &uio;
	r = do_recv(fd, &sm, flags);
	iov_free(iov, fast, (int)msg.msg_iovlen);
	if (r < 0)
		return r;
	if (msg.msg_name != NULL) {
		socklen_t n = MIN(msg.msg_namelen, sm.sm_namelen);

		if ((int32_t)msg.msg_namelen < 0)
			return -EINVAL;
		if (n > 0 && (error = copyout(&sm.sm_name, msg.msg_name, n)) != 0)
			return error;
		msg.msg_namelen = sm.sm_namelen;
	} else {
		msg.msg_namelen = 0;
	}
	msg.msg_controllen = 0;  /* no control messages are produced yet */
	msg.msg_flags = (uint32_t)sm.sm_flags;
	error = copyout(&msg.msg_namelen, &umsg->msg_namelen,
	    sizeof(msg.msg_namelen));
	if (error == 0)
		error = copyout(&msg.msg_controllen, &umsg->msg_controllen,
		    sizeof(msg.msg_controllen));
	if (error == 0)
		error = copyout(&msg.msg_flags, &umsg->msg_flags,
		    sizeof(msg.msg_flags));
	return error != 0 ? error : r;
}

long
sys_shutdown(int fd, int how)
{
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	if (how != SHUT_RD && how != SHUT_WR && how != SHUT_RDWR)
		error = -EINVAL;
	else
		error = so->so_proto->pr_shutdown == NULL ? -EOPNOTSUPP :
		    so->so_proto->pr_shutdown(so, how);
	file_rele(f);
	return error;
}

static long
do_getname(int fd, struct sockaddr *addr, socklen_t *addrlen, bool peer)
{
	struct sockaddr_storage ss;
	socklen_t len = 0;
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	if (addrlen == NULL) {
		file_rele(f);
		return -EFAULT;
	}
	memset(&ss, 0, sizeof(ss));
	error = peer ? so->so_proto->pr_peeraddr(so, &ss, &len) :
	    so->so_proto->pr_sockaddr(so, &ss, &len);
	file_rele(f);
	if (error != 0)
		return error;
	return sockaddr_out_copy(&ss, len, addr, addrlen);
}

long
sys_getsockname(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
	return do_getname(fd, addr, addrlen, false);
}

long
sys_getpeername(int fd, struct sockaddr *addr, socklen_t *addrlen)
{
	return do_getname(fd, addr, addrlen, true);
}

long
sys_setsockopt(int fd, int level, int optname, const void *optval,
    socklen_t optlen)
{
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	error = sosetopt(so, level, optname, optval, optlen);
	file_rele(f);
	return error;
}

long
sys_getsockopt(int fd, int level, int optname, void *optval,
    socklen_t *optlen)
{
	struct socket *so;
	struct file *f;
	int error;

	error = socket_from_fd(fd, &so, &f);
	if (error != 0)
		return error;
	error = sogetopt(so, level, optname, optval, optlen);
	file_rele(f);
	return error;
}
