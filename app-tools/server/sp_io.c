/*
 * sp_io.c -- whole-frame socket I/O for the remote system call protocol.
 * It calls the kernel with syscall(2), not libc's read/sendmsg, because
 * in librumphijack.so those names are the hijack's own wrappers.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "sp_io.h"

int
sp_send(int fd, int type, const void *head, size_t hlen, const void *data,
    size_t dlen)
{
	struct sp_hdr h = { .len = (uint32_t)(hlen + dlen), .type = type };
	struct iovec iov[3] = {
		{ &h, sizeof(h) },
		{ (void *)head, hlen },
		{ (void *)data, dlen },
	};
	struct iovec *v = iov;
	int cnt = 3;
	struct msghdr msg;

	while (cnt > 0) {
		ssize_t n;

		memset(&msg, 0, sizeof(msg));
		msg.msg_iov = v;
		msg.msg_iovlen = cnt;
		/* MSG_NOSIGNAL: a vanished peer is an error, not SIGPIPE. */
		n = syscall(SYS_sendmsg, fd, &msg, MSG_NOSIGNAL);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		while (cnt > 0 && (size_t)n >= v->iov_len) {
			n -= (ssize_t)v->iov_len;
			v++;
			cnt--;
		}
		if (cnt > 0) {
			v->iov_base = (char *)v->iov_base + n;
			v->iov_len -= (size_t)n;
		}
	}
	return 0;
}

int
sp_recvall(int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = syscall(SYS_read, fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return -ECONNRESET;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
sp_recvhdr(int fd, struct sp_hdr *h, size_t maxlen)
{
	int error = sp_recvall(fd, h, sizeof(*h));

	if (error != 0)
		return error;
	if (h->zero != 0 || h->len > maxlen)
		return -EPROTO;
	return 0;
}

int
sp_skip(int fd, size_t len)
{
	char buf[4096];

	while (len > 0) {
		size_t n = len < sizeof(buf) ? len : sizeof(buf);
		int error = sp_recvall(fd, buf, n);

		if (error != 0)
			return error;
		len -= n;
	}
	return 0;
}
