/* test_tcp_lib.h -- helpers shared by the hosted TCP tests
 * (test_tcp*.c): loopback addresses, listeners and connections that
 * must succeed, and a bulk transfer checked byte for byte. */
#ifndef TEST_TCP_LIB_H
#define TEST_TCP_LIB_H

#define tt_fail(call, e)                                                \
	do {                                                            \
		errno = 0;                                              \
		assert_int_equal((long)(call), -1);                     \
		assert_int_equal(errno, (e));                           \
	} while (0)

static __attribute__((unused)) struct sockaddr_in
tt_addr(uint16_t port)
{
	struct sockaddr_in sin;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = htons(port);
	return sin;
}

/* A listener on 127.0.0.1:port with SO_REUSEADDR, as servers do. */
static __attribute__((unused)) int
tt_listener(uint16_t port, int backlog)
{
	struct sockaddr_in a = tt_addr(port);
	int one = 1, l = rump_sys_socket(AF_INET, SOCK_STREAM, 0);

	assert_true(l >= 0);
	assert_int_equal(rump_sys_setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one,
	    sizeof(one)), 0);
	assert_int_equal(rump_sys_bind(l, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(rump_sys_listen(l, backlog), 0);
	return l;
}

static __attribute__((unused)) int
tt_connect(uint16_t port)
{
	struct sockaddr_in a = tt_addr(port);
	int c = rump_sys_socket(AF_INET, SOCK_STREAM, 0);

	assert_true(c >= 0);
	assert_int_equal(rump_sys_connect(c, (struct sockaddr *)&a, sizeof(a)), 0);
	return c;
}

static __attribute__((unused)) int
tt_accept(int l)
{
	int s = rump_sys_accept(l, NULL, NULL);

	assert_true(s >= 0);
	return s;
}

static __attribute__((unused)) void
tt_wait_flags(int fd, short flags)
{
	struct pollfd pfd = { .fd = fd, .events = flags };

	assert_int_equal(rump_sys_poll(&pfd, 1, 5000), 1);
	assert_true(pfd.revents & flags);
}

static __attribute__((unused)) void
tt_wait_readable(int fd)
{
	tt_wait_flags(fd, POLLIN);
}

/* A write from another thread after ms milliseconds. */
static struct {
	pthread_t t;
	int fd;
	const void *buf;
	size_t len;
	int ms;
} tt_later;

static __attribute__((unused)) void *
tt_later_main(void *arg)
{
	(void)arg;
	usleep((useconds_t)tt_later.ms * 1000);
	(void)rump_sys_write(tt_later.fd, tt_later.buf, tt_later.len);
	return NULL;
}

static __attribute__((unused)) void
tt_write_later(int fd, const void *buf, size_t len, int ms)
{
	tt_later.fd = fd;
	tt_later.buf = buf;
	tt_later.len = len;
	tt_later.ms = ms;
	assert_int_equal(pthread_create(&tt_later.t, NULL, tt_later_main, NULL), 0);
}

static __attribute__((unused)) void
tt_join_later(void)
{
	pthread_join(tt_later.t, NULL);
}

/* The bulk pattern: a cheap generator both sides can recompute. */
static __attribute__((unused)) uint8_t
tt_pattern(uint64_t i)
{
	uint64_t x = (i / 8 + 1) * 0x9E3779B97F4A7C15ULL;

	x ^= x >> 29;
	return (uint8_t)(x >> ((i % 8) * 8));
}

struct tt_bulk_arg {
	int fd;
	size_t total;
	size_t chunk;
	uint64_t sum;
	int error;
	int shut;        /* sender: shutdown(SHUT_WR) instead of close */
	size_t got;      /* reader: bytes that arrived in order */
	int bad;         /* reader: a byte differed from the pattern */
};

static __attribute__((unused)) uint64_t
tt_sum(uint64_t sum, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sum = (sum + b[i]) * 1099511628211ULL;
	return sum;
}

static __attribute__((unused)) void *
tt_bulk_sender(void *arg)
{
	struct tt_bulk_arg *a = arg;
	uint8_t *buf = malloc(a->chunk);
	size_t off = 0;

	while (off < a->total) {
		size_t n = a->total - off < a->chunk ? a->total - off : a->chunk;
		ssize_t w;

		for (size_t i = 0; i < n; i++)
			buf[i] = tt_pattern(off + i);
		for (size_t done = 0; done < n; done += (size_t)w) {
			w = rump_sys_write(a->fd, buf + done, n - done);
			if (w <= 0) {
				a->error = errno;
				free(buf);
				return NULL;
			}
		}
		a->sum = tt_sum(a->sum, buf, n);
		off += n;
	}
	free(buf);
	/* A clean close: the receiver sees end of file after the data. */
	if ((a->shut ? rump_sys_shutdown(a->fd, SHUT_WR) :
	    rump_sys_close(a->fd)) != 0)
		a->error = errno;
	return NULL;
}

/* Read a->fd to end of file, checking the pattern (a thread; the
 * results are left in a for the test to assert on). */
static __attribute__((unused)) void *
tt_bulk_reader(void *arg)
{
	struct tt_bulk_arg *a = arg;
	uint8_t *buf = malloc(1 << 16);
	ssize_t n;

	while (buf != NULL && (n = rump_sys_read(a->fd, buf, 1 << 16)) > 0) {
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != tt_pattern(a->got + (size_t)i))
				a->bad = 1;
		a->sum = tt_sum(a->sum, buf, (size_t)n);
		a->got += (size_t)n;
	}
	if (buf == NULL || n < 0)
		a->error = buf == NULL ? ENOMEM : errno;
	free(buf);
	return NULL;
}

/* Send total bytes from a client to a server on port and check they
 * arrive whole and in order, then that both ends close cleanly. */
static __attribute__((unused)) void
tt_bulk(uint16_t port, size_t total, int quiet)
{
	struct tt_bulk_arg a = { .total = total, .chunk = 65536 };
	uint8_t *buf = malloc(1 << 16);
	uint64_t sum = 0;
	size_t got = 0;
	pthread_t t;
	int l, s;
	ssize_t n;

	(void)quiet;
	assert_non_null(buf);
	l = tt_listener(port, 5);
	a.fd = tt_connect(port);
	s = tt_accept(l);
	assert_int_equal(pthread_create(&t, NULL, tt_bulk_sender, &a), 0);
	while ((n = rump_sys_read(s, buf, 1 << 16)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != tt_pattern(got + (size_t)i)) {
				fprintf(stderr, "byte %zu differs\n",
				    got + (size_t)i);
				fail();
			}
		}
		sum = tt_sum(sum, buf, (size_t)n);
		got += (size_t)n;
	}
	assert_int_equal(n, 0);
	pthread_join(t, NULL);
	assert_int_equal(a.error, 0);
	assert_int_equal(got, total);
	assert_true(sum == a.sum);
	free(buf);
	assert_int_equal(rump_sys_close(s), 0);
	assert_int_equal(rump_sys_close(l), 0);
}

#endif /* TEST_TCP_LIB_H */
