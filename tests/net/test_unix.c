/* test_unix.c -- the socket system calls on AF_UNIX sockets through the
 * public API: socketpair, stream/datagram/seqpacket, names, accept,
 * nonblocking EAGAIN, poll/epoll readiness, shutdown, options and
 * Linux's error codes. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

/* send(2) and recv(2) are libc functions over sendto/recvfrom. */
#define rump_sys_send(fd, b, l, f) rump_sys_sendto(fd, b, l, f, NULL, 0)
#define rump_sys_recv(fd, b, l, f) rump_sys_recvfrom(fd, b, l, f, NULL, NULL)
#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif

#define assert_fail(call, e)                                            \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

static int
setup(void **state)
{
	(void)state;
	return rump_init();
}

/* An abstract address "\0name"; returns its length. */
static socklen_t
abstract_addr(struct sockaddr_un *sun, const char *name)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path + 1, name, strlen(name));
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name));
}

static socklen_t
path_addr(struct sockaddr_un *sun, const char *path)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	strcpy(sun->sun_path, path);
	return (socklen_t)sizeof(*sun);
}

static void
test_socket_errors(void **state)
{
	(void)state;
	assert_fail(rump_sys_socket(12345, SOCK_STREAM, 0), EAFNOSUPPORT);
	assert_fail(rump_sys_socket(AF_UNIX, SOCK_RAW, 0), ESOCKTNOSUPPORT);
	assert_fail(rump_sys_socket(AF_UNIX, SOCK_STREAM, 6), EPROTONOSUPPORT);
	assert_fail(rump_sys_socket(AF_UNIX, SOCK_STREAM | 0x10000, 0), EINVAL);
	assert_fail(rump_sys_bind(12345, NULL, 0), EBADF);
	int pfd[2];
	assert_int_equal(rump_sys_pipe(pfd), 0);
	assert_fail(rump_sys_listen(pfd[0], 1), ENOTSOCK);
	rump_sys_close(pfd[0]);
	rump_sys_close(pfd[1]);
}

static void
test_socketpair_stream(void **state)
{
	int sv[2];
	char buf[16];
	struct stat st;

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_int_equal(rump_sys_write(sv[0], "hello", 5), 5);
	assert_int_equal(rump_sys_send(sv[0], " world", 6, 0), 6);
	/* A stream coalesces writes. */
	assert_int_equal(rump_sys_recv(sv[1], buf, 4, MSG_PEEK), 4);
	assert_memory_equal(buf, "hell", 4);
	memset(buf, 0, sizeof(buf));
	assert_int_equal(rump_sys_read(sv[1], buf, sizeof(buf)), 11);
	assert_string_equal(buf, "hello world");
	assert_int_equal(rump_sys_fstat(sv[0], &st), 0);
	assert_true(S_ISSOCK(st.st_mode));
	/* Both directions. */
	assert_int_equal(rump_sys_write(sv[1], "x", 1), 1);
	assert_int_equal(rump_sys_read(sv[0], buf, 1), 1);
	assert_int_equal(buf[0], 'x');
	/* Close one end: EOF on the other, then EPIPE on writing. */
	assert_int_equal(rump_sys_close(sv[1]), 0);
	assert_int_equal(rump_sys_read(sv[0], buf, 1), 0);
	assert_fail(rump_sys_send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	assert_int_equal(rump_sys_close(sv[0]), 0);
}

static void
test_nonblocking(void **state)
{
	int sv[2];
	char buf[4096];
	long total = 0, r;

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK,
	    0, sv), 0);
	assert_fail(rump_sys_read(sv[0], buf, 1), EAGAIN);
	assert_fail(rump_sys_recv(sv[0], buf, 1, MSG_DONTWAIT), EAGAIN);
	/* Fill until the peer's buffer is full. */
	memset(buf, 'a', sizeof(buf));
	while ((r = rump_sys_write(sv[0], buf, sizeof(buf))) > 0)
		total += r;
	assert_int_equal(r, -1);
	assert_int_equal(errno, EAGAIN);
	assert_true(total > 0);
	int n = 0;
	assert_int_equal(rump_sys_ioctl(sv[1], FIONREAD, &n), 0);
	assert_int_equal(n, total);
	/* Not writable now; readable. */
	struct pollfd p[2] = { { sv[0], POLLOUT, 0 }, { sv[1], POLLIN, 0 } };
	assert_int_equal(rump_sys_poll(p, 2, 0), 1);
	assert_int_equal(p[0].revents, 0);
	assert_int_equal(p[1].revents, POLLIN);
	/* Drain; writable again. */
	while (total > 0) {
		r = rump_sys_read(sv[1], buf, sizeof(buf));
		assert_true(r > 0);
		total -= r;
	}
	assert_int_equal(rump_sys_poll(p, 1, 0), 1);
	assert_int_equal(p[0].revents, POLLOUT);
	rump_sys_close(sv[0]);
	rump_sys_close(sv[1]);
}

/* An echo server thread on a listening socket: one connection. */
struct echo {
	int lfd;
	pthread_t t;
};

static void *
echo_main(void *arg)
{
	struct echo *e = arg;
	char buf[1000];
	struct sockaddr_un peer;
	socklen_t plen = sizeof(peer);
	long r;
	int fd;

	fd = rump_sys_accept(e->lfd, (struct sockaddr *)&peer, &plen);
	if (fd < 0)
		return (void *)1;
	while ((r = rump_sys_read(fd, buf, sizeof(buf))) > 0)
		if (rump_sys_write(fd, buf, (size_t)r) != r)
			return (void *)2;
	rump_sys_close(fd);
	return r == 0 ? NULL : (void *)3;
}

static void
test_stream_echo(void **state)
{
	struct sockaddr_un sun, got;
	socklen_t len, glen;
	struct echo e;
	static char out[300000], in[300000];
	void *ret;
	int fd;

	(void)state;
	len = abstract_addr(&sun, "echo");
	e.lfd = rump_sys_socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(e.lfd >= 0);
	/* listen needs a name */
	assert_fail(rump_sys_listen(e.lfd, 5), EINVAL);
	assert_int_equal(rump_sys_bind(e.lfd, (struct sockaddr *)&sun, len), 0);
	assert_fail(rump_sys_bind(e.lfd, (struct sockaddr *)&sun, len), EINVAL);
	assert_int_equal(rump_sys_listen(e.lfd, 5), 0);
	glen = sizeof(got);
	assert_int_equal(rump_sys_getsockname(e.lfd, (struct sockaddr *)&got, &glen), 0);
	assert_int_equal(glen, len);
	assert_memory_equal(&got, &sun, len);
	int v = 0;
	socklen_t vl = sizeof(v);
	assert_int_equal(rump_sys_getsockopt(e.lfd, SOL_SOCKET, SO_ACCEPTCONN, &v, &vl), 0);
	assert_int_equal(v, 1);
	assert_int_equal(pthread_create(&e.t, NULL, echo_main, &e), 0);

	fd = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_fail(rump_sys_getpeername(fd, (struct sockaddr *)&got, &glen), ENOTCONN);
	assert_fail(rump_sys_send(fd, "x", 1, MSG_NOSIGNAL), ENOTCONN);
	assert_int_equal(rump_sys_connect(fd, (struct sockaddr *)&sun, len), 0);
	assert_fail(rump_sys_connect(fd, (struct sockaddr *)&sun, len), EISCONN);
	glen = sizeof(got);
	assert_int_equal(rump_sys_getpeername(fd, (struct sockaddr *)&got, &glen), 0);
	assert_int_equal(glen, len);
	assert_memory_equal(&got, &sun, len);

	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7 + i / 251);
	/* Writes larger than the buffer need the reader: write all, then
	 * close the write side, and read back byte-exact with WAITALL. */
	size_t sent = 0, got_n = 0;
	while (sent < sizeof(out)) {
		long r = rump_sys_write(fd, out + sent, MIN(sizeof(out) - sent, 50000));
		assert_true(r > 0);
		sent += (size_t)r;
		while (got_n < sent) {
			r = rump_sys_recv(fd, in + got_n, sent - got_n, MSG_WAITALL);
			assert_int_equal(r, (long)(sent - got_n));
			got_n += (size_t)r;
		}
	}
	assert_memory_equal(in, out, sizeof(out));
	assert_int_equal(rump_sys_shutdown(fd, SHUT_WR), 0);
	assert_fail(rump_sys_send(fd, "x", 1, MSG_NOSIGNAL), EPIPE);
	char c;
	assert_int_equal(rump_sys_read(fd, &c, 1), 0);  /* server closed */
	assert_int_equal(pthread_join(e.t, &ret), 0);
	assert_null(ret);
	rump_sys_close(fd);

	/* A second listener on the same name: EADDRINUSE. */
	fd = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_fail(rump_sys_bind(fd, (struct sockaddr *)&sun, len), EADDRINUSE);
	rump_sys_close(e.lfd);
	/* The name is free once its socket closed; nobody listens now. */
	assert_fail(rump_sys_connect(fd, (struct sockaddr *)&sun, len), ECONNREFUSED);
	assert_int_equal(rump_sys_bind(fd, (struct sockaddr *)&sun, len), 0);
	rump_sys_close(fd);
}

static void
test_connect_errors(void **state)
{
	struct sockaddr_un sun;
	socklen_t len;
	int a, b, c;

	(void)state;
	a = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	b = rump_sys_socket(AF_UNIX, SOCK_DGRAM, 0);
	len = path_addr(&sun, "/tmp-nowhere.sock");
	assert_fail(rump_sys_connect(a, (struct sockaddr *)&sun, len), ENOENT);
	len = abstract_addr(&sun, "nobody");
	assert_fail(rump_sys_connect(a, (struct sockaddr *)&sun, len), ECONNREFUSED);
	/* Bound but not listening: refused. */
	c = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_int_equal(rump_sys_bind(c, (struct sockaddr *)&sun, len), 0);
	assert_fail(rump_sys_connect(a, (struct sockaddr *)&sun, len), ECONNREFUSED);
	/* Wrong type behind the name. */
	assert_fail(rump_sys_connect(b, (struct sockaddr *)&sun, len), EPROTOTYPE);
	/* Bad addresses. */
	sun.sun_family = AF_INET;
	assert_fail(rump_sys_connect(a, (struct sockaddr *)&sun, len), EINVAL);
	assert_fail(rump_sys_bind(a, (struct sockaddr *)&sun, 1), EINVAL);
	assert_fail(rump_sys_bind(a, (struct sockaddr *)&sun, 200), EINVAL);
	assert_fail(rump_sys_accept(a, NULL, NULL), EINVAL);
	assert_fail(rump_sys_listen(b, 1), EOPNOTSUPP);
	assert_fail(rump_sys_shutdown(a, 7), EINVAL);
	assert_fail(rump_sys_shutdown(a, SHUT_RD), ENOTCONN);
	assert_fail(rump_sys_accept4(a, NULL, NULL, 0x1), EINVAL);
	rump_sys_close(a);
	rump_sys_close(b);
	rump_sys_close(c);
}

static void
test_accept_nonblock_and_poll(void **state)
{
	struct sockaddr_un sun;
	socklen_t len = abstract_addr(&sun, "nb");
	int l, c1, s1;

	(void)state;
	l = rump_sys_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	assert_int_equal(rump_sys_bind(l, (struct sockaddr *)&sun, len), 0);
	assert_int_equal(rump_sys_listen(l, 0), 0);
	assert_fail(rump_sys_accept(l, NULL, NULL), EAGAIN);
	struct pollfd p = { l, POLLIN, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 0), 0);
	c1 = rump_sys_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	assert_int_equal(rump_sys_connect(c1, (struct sockaddr *)&sun, len), 0);
	/* backlog 0 holds one; the next nonblocking connect gets EAGAIN */
	int c2 = rump_sys_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	assert_fail(rump_sys_connect(c2, (struct sockaddr *)&sun, len), EAGAIN);
	assert_int_equal(rump_sys_poll(&p, 1, 0), 1);
	assert_int_equal(p.revents, POLLIN);
	s1 = rump_sys_accept4(l, NULL, NULL, SOCK_NONBLOCK);
	assert_true(s1 >= 0);
	int fl = rump_sys_fcntl(s1, F_GETFL, 0);
	assert_true(fl & O_NONBLOCK);
	/* epoll sees data arrive. */
	int ep = rump_sys_epoll_create1(0);
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = s1 }, out;
	assert_int_equal(rump_sys_epoll_ctl(ep, EPOLL_CTL_ADD, s1, &ev), 0);
	assert_int_equal(rump_sys_epoll_wait(ep, &out, 1, 0), 0);
	assert_int_equal(rump_sys_write(c1, "q", 1), 1);
	assert_int_equal(rump_sys_epoll_wait(ep, &out, 1, 1000), 1);
	assert_int_equal(out.data.fd, s1);
	/* Peer shuts its write side: POLLIN|POLLRDHUP, read gives EOF. */
	char c;
	assert_int_equal(rump_sys_read(s1, &c, 1), 1);
	assert_int_equal(rump_sys_shutdown(c1, SHUT_WR), 0);
	struct pollfd ps = { s1, POLLIN | POLLRDHUP, 0 };
	assert_int_equal(rump_sys_poll(&ps, 1, 0), 1);
	assert_int_equal(ps.revents, POLLIN | POLLRDHUP);
	assert_int_equal(rump_sys_read(s1, &c, 1), 0);
	/* The other direction still works. */
	assert_int_equal(rump_sys_write(s1, "r", 1), 1);
	assert_int_equal(rump_sys_read(c1, &c, 1), 1);
	/* Both closed down: POLLHUP. */
	assert_int_equal(rump_sys_shutdown(s1, SHUT_WR), 0);
	ps.fd = c1;
	assert_int_equal(rump_sys_poll(&ps, 1, 0), 1);
	assert_true(ps.revents & POLLHUP);
	rump_sys_close(ep);
	rump_sys_close(s1);
	rump_sys_close(c1);
	rump_sys_close(c2);
	rump_sys_close(l);
}

/* Poll wakes up when another thread writes. */
struct later {
	int fd;
	pthread_t t;
};

static void *
later_main(void *arg)
{
	struct later *l = arg;

	usleep(50000);
	return rump_sys_write(l->fd, "z", 1) == 1 ? NULL : (void *)1;
}

static void
test_poll_wakeup(void **state)
{
	struct later l;
	int sv[2];
	void *ret;

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	l.fd = sv[1];
	assert_int_equal(pthread_create(&l.t, NULL, later_main, &l), 0);
	struct pollfd p = { sv[0], POLLIN, 0 };
	assert_int_equal(rump_sys_poll(&p, 1, 5000), 1);
	assert_int_equal(p.revents, POLLIN);
	assert_int_equal(pthread_join(l.t, &ret), 0);
	assert_null(ret);
	/* A blocking read also wakes. */
	assert_int_equal(pthread_create(&l.t, NULL, later_main, &l), 0);
	char c[2];
	assert_int_equal(rump_sys_read(sv[0], c, 2), 1);
	assert_int_equal(rump_sys_read(sv[0], c, 2), 1);
	pthread_join(l.t, &ret);
	rump_sys_close(sv[0]);
	rump_sys_close(sv[1]);
}

static void
test_dgram(void **state)
{
	struct sockaddr_un a, b, from;
	socklen_t alen, blen, flen;
	char buf[64];
	int sa, sb;

	(void)state;
	alen = abstract_addr(&a, "dgram-a");
	blen = abstract_addr(&b, "dgram-b");
	sa = rump_sys_socket(AF_UNIX, SOCK_DGRAM, 0);
	sb = rump_sys_socket(AF_UNIX, SOCK_DGRAM, 0);
	assert_int_equal(rump_sys_bind(sa, (struct sockaddr *)&a, alen), 0);
	assert_int_equal(rump_sys_bind(sb, (struct sockaddr *)&b, blen), 0);
	assert_fail(rump_sys_send(sa, "x", 1, 0), ENOTCONN);
	assert_int_equal(rump_sys_sendto(sa, "one", 3, 0, (struct sockaddr *)&b, blen), 3);
	assert_int_equal(rump_sys_sendto(sa, "second", 6, 0, (struct sockaddr *)&b, blen), 6);
	/* Boundaries are kept; a short buffer truncates (MSG_TRUNC). */
	flen = sizeof(from);
	assert_int_equal(rump_sys_recvfrom(sb, buf, sizeof(buf), 0,
	    (struct sockaddr *)&from, &flen), 3);
	assert_int_equal(flen, alen);
	assert_memory_equal(&from, &a, alen);
	struct iovec iov = { buf, 2 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };
	assert_int_equal(rump_sys_recvmsg(sb, &m, MSG_PEEK), 2);
	assert_true(m.msg_flags & MSG_TRUNC);
	assert_int_equal(rump_sys_recv(sb, buf, 2, MSG_TRUNC), 6);
	assert_fail(rump_sys_recv(sb, buf, 2, MSG_DONTWAIT), EAGAIN);
	/* connect() names the default peer. */
	assert_int_equal(rump_sys_connect(sa, (struct sockaddr *)&b, blen), 0);
	assert_int_equal(rump_sys_send(sa, "c", 1, 0), 1);
	assert_int_equal(rump_sys_read(sb, buf, sizeof(buf)), 1);
	/* The peer goes away: ECONNREFUSED once. */
	rump_sys_close(sb);
	assert_fail(rump_sys_send(sa, "c", 1, 0), ECONNREFUSED);
	assert_fail(rump_sys_send(sa, "c", 1, 0), ENOTCONN);
	assert_fail(rump_sys_sendto(sa, "c", 1, 0, (struct sockaddr *)&b, blen),
	    ECONNREFUSED);
	rump_sys_close(sa);

	/* socketpair datagrams */
	int sv[2];
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_DGRAM, 0, sv), 0);
	assert_int_equal(rump_sys_write(sv[0], "ab", 2), 2);
	assert_int_equal(rump_sys_write(sv[0], "", 0), 0);
	assert_int_equal(rump_sys_read(sv[1], buf, 64), 2);
	assert_int_equal(rump_sys_read(sv[1], buf, 64), 0);  /* empty datagram */
	rump_sys_close(sv[0]);
	rump_sys_close(sv[1]);
}

static void
test_seqpacket(void **state)
{
	int sv[2];
	char buf[16];

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv), 0);
	assert_int_equal(rump_sys_write(sv[0], "abc", 3), 3);
	assert_int_equal(rump_sys_write(sv[0], "de", 2), 2);
	assert_int_equal(rump_sys_read(sv[1], buf, sizeof(buf)), 3);
	assert_int_equal(rump_sys_read(sv[1], buf, sizeof(buf)), 2);
	rump_sys_close(sv[0]);
	assert_int_equal(rump_sys_read(sv[1], buf, sizeof(buf)), 0);
	rump_sys_close(sv[1]);
}

static void
test_sockopts(void **state)
{
	int sv[2], v;
	socklen_t vl;
	struct timeval tv;
	struct linger lg;

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	vl = sizeof(v);
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &vl), 0);
	assert_int_equal(v, SOCK_STREAM);
	assert_int_equal(vl, sizeof(int));
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &v, &vl), 0);
	assert_int_equal(v, AF_UNIX);
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_ERROR, &v, &vl), 0);
	assert_int_equal(v, 0);
	v = 1;
	assert_int_equal(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v)), 0);
	v = 0;
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, &vl), 0);
	assert_int_equal(v, 1);
	v = 10000;
	assert_int_equal(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &v, sizeof(v)), 0);
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &v, &vl), 0);
	assert_int_equal(v, 20000);  /* doubled, as Linux reports */
	assert_fail(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_RCVBUF, &v, 2), EINVAL);
	assert_fail(rump_sys_setsockopt(sv[0], SOL_SOCKET, 9999, &v, sizeof(v)), ENOPROTOOPT);
	assert_fail(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, sizeof(v)), ENOPROTOOPT);
	/* Receive timeout: EAGAIN after about the time asked. */
	tv.tv_sec = 0;
	tv.tv_usec = 100000;
	assert_int_equal(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), 0);
	memset(&tv, 0, sizeof(tv));
	vl = sizeof(tv);
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, &vl), 0);
	assert_int_equal(tv.tv_usec, 100000);
	struct timespec t0, t1;
	char c;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_fail(rump_sys_read(sv[0], &c, 1), EAGAIN);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 90 && ms < 2000);
	tv.tv_usec = 1000000;
	assert_fail(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)), EDOM);
	lg.l_onoff = 1;
	lg.l_linger = 5;
	assert_int_equal(rump_sys_setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)), 0);
	memset(&lg, 0, sizeof(lg));
	vl = sizeof(lg);
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, &vl), 0);
	assert_int_equal(lg.l_onoff, 1);
	assert_int_equal(lg.l_linger, 5);
	struct ucred uc;
	vl = sizeof(uc);
	assert_int_equal(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &uc, &vl), 0);
	assert_int_equal(vl, sizeof(uc));
	assert_int_equal(uc.pid, rump_sys_getpid());
	assert_fail(rump_sys_getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, NULL), EFAULT);
	rump_sys_close(sv[0]);
	rump_sys_close(sv[1]);
}

static void
test_path_names(void **state)
{
	struct sockaddr_un sun, got;
	socklen_t len, glen;
	int l, c, s;

	(void)state;
	len = path_addr(&sun, "/sock");
	l = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_int_equal(rump_sys_bind(l, (struct sockaddr *)&sun, len), 0);
	assert_int_equal(rump_sys_listen(l, 4), 0);
	glen = sizeof(got);
	assert_int_equal(rump_sys_getsockname(l, (struct sockaddr *)&got, &glen), 0);
	/* The length stops after the NUL of the path. */
	assert_int_equal(glen, offsetof(struct sockaddr_un, sun_path) + 6);
	assert_string_equal(got.sun_path, "/sock");
	c = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_int_equal(rump_sys_connect(c, (struct sockaddr *)&sun, len), 0);
	glen = sizeof(got);
	s = rump_sys_accept(l, (struct sockaddr *)&got, &glen);
	assert_true(s >= 0);
	/* The client is unnamed: only the family comes back. */
	assert_int_equal(glen, sizeof(sa_family_t));
	glen = sizeof(got);
	assert_int_equal(rump_sys_getsockname(s, (struct sockaddr *)&got, &glen), 0);
	assert_string_equal(got.sun_path, "/sock");
	/* Autobind: an abstract name of five hex digits. */
	int d = rump_sys_socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un fam = { .sun_family = AF_UNIX };
	assert_int_equal(rump_sys_bind(d, (struct sockaddr *)&fam, sizeof(sa_family_t)), 0);
	glen = sizeof(got);
	assert_int_equal(rump_sys_getsockname(d, (struct sockaddr *)&got, &glen), 0);
	assert_int_equal(glen, sizeof(sa_family_t) + 6);
	assert_int_equal(got.sun_path[0], 0);
	/* Closing the listener leaves the accepted pair working. */
	rump_sys_close(l);
	assert_int_equal(rump_sys_write(c, "k", 1), 1);
	char ch;
	assert_int_equal(rump_sys_read(s, &ch, 1), 1);
	rump_sys_close(d);
	rump_sys_close(s);
	rump_sys_close(c);
}

static void
test_listener_close_pending(void **state)
{
	struct sockaddr_un sun;
	socklen_t len = abstract_addr(&sun, "pending");
	int l, c;
	char ch;

	(void)state;
	l = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_int_equal(rump_sys_bind(l, (struct sockaddr *)&sun, len), 0);
	assert_int_equal(rump_sys_listen(l, 4), 0);
	c = rump_sys_socket(AF_UNIX, SOCK_STREAM, 0);
	assert_int_equal(rump_sys_connect(c, (struct sockaddr *)&sun, len), 0);
	assert_int_equal(rump_sys_write(c, "lost", 4), 4);
	rump_sys_close(l);  /* the connection was never accepted */
	/* Its unread data was discarded: the client sees a reset, then EOF. */
	assert_fail(rump_sys_read(c, &ch, 1), ECONNRESET);
	assert_int_equal(rump_sys_read(c, &ch, 1), 0);
	assert_fail(rump_sys_send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
	rump_sys_close(c);
}

/* A write to a closed peer is EPIPE with or without MSG_NOSIGNAL (the
 * SIGPIPE itself goes through sig_write_error, as for pipes; a hosted
 * process with SIG_DFL does not get it, see components/sys/sig.c). */
static void
test_epipe(void **state)
{
	int sv[2];

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	rump_sys_close(sv[1]);
	assert_fail(rump_sys_write(sv[0], "x", 1), EPIPE);
	assert_fail(rump_sys_send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	rump_sys_close(sv[0]);
}

static void
test_hostile(void **state)
{
	int sv[2];

	(void)state;
	assert_int_equal(rump_sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_fail(rump_sys_socketpair(AF_UNIX, SOCK_STREAM, 0, (int *)8), EFAULT);
	assert_fail(rump_sys_send(sv[0], (void *)8, 10, 0), EFAULT);
	assert_fail(rump_sys_recvmsg(sv[0], (struct msghdr *)8, 0), EFAULT);
	assert_fail(rump_sys_getsockname(sv[0], (struct sockaddr *)8, (socklen_t *)8), EFAULT);
	assert_fail(rump_sys_connect(sv[0], (struct sockaddr *)8, 16), EFAULT);
	assert_fail(rump_sys_send(sv[0], "x", 1, 0x80000000), EOPNOTSUPP);
	struct msghdr m = { 0 };
	char cbuf[64];
	m.msg_control = cbuf;
	m.msg_controllen = sizeof(cbuf);
	assert_fail(rump_sys_sendmsg(sv[0], &m, 0), ENOSYS);
	rump_sys_close(sv[0]);
	rump_sys_close(sv[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_socket_errors),
		cmocka_unit_test(test_socketpair_stream),
		cmocka_unit_test(test_nonblocking),
		cmocka_unit_test(test_stream_echo),
		cmocka_unit_test(test_connect_errors),
		cmocka_unit_test(test_accept_nonblock_and_poll),
		cmocka_unit_test(test_poll_wakeup),
		cmocka_unit_test(test_dgram),
		cmocka_unit_test(test_seqpacket),
		cmocka_unit_test(test_sockopts),
		cmocka_unit_test(test_path_names),
		cmocka_unit_test(test_listener_close_pending),
		cmocka_unit_test(test_epipe),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
