/* test_tcp_shmif.c -- TCP between two hosted rump kernels (two
 * processes) on one shared-memory bus (rumpnet_virtif, "shmif:FILE"):
 * 100 MiB sent byte-exact from 10.9.0.1 to 10.9.0.2, then again with
 * both kernels dropping, duplicating and reordering 5% of their
 * segments each (RUMP_TCP_DROP/DUP/REORDER), and both times the
 * connection closes cleanly: the receiver sees end of file after the
 * last byte, the sender sees the receiver's end of file, and the
 * receiver's lingering close returns once its FIN is acknowledged. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

#define SHMIF_PAIR_NAME "test_tcp_shmif"
#include "shmif_pair.h"

#define PORT 9000
#define CHUNK 65536

/* The pattern of byte i (both processes compute it). */
static uint8_t
pattern(uint64_t i)
{
	uint64_t x = (i / 8 + 1) * 0x9E3779B97F4A7C15ULL;

	x ^= x >> 29;
	return (uint8_t)(x >> ((i % 8) * 8));
}

static void __attribute__((noreturn))
die(const char *who, const char *what, int e)
{
	fprintf(stderr, "%s: %s: %s\n", who, what, strerror(e));
	_exit(1);
}

static void
boot(const char *who, const char *addr, int lossy)
{
	const char *v = lossy ? "50" : "0";

	setenv("RUMP_TCP_DROP", v, 1);
	setenv("RUMP_TCP_DUP", v, 1);
	setenv("RUMP_TCP_REORDER", v, 1);
	sp_boot(who, addr);
}

static void __attribute__((noreturn))
receiver(size_t total, int lossy)
{
	struct sockaddr_in a;
	struct linger lg = { 1, 30 };
	static uint8_t buf[CHUNK];
	size_t got = 0;
	ssize_t n;
	int l, s;

	boot("receiver", "10.9.0.2", lossy);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(PORT);
	l = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	if (l < 0 || rump_sys_bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    rump_sys_listen(l, 1) != 0)
		die("receiver", "listen", errno);
	if ((s = rump_sys_accept(l, NULL, NULL)) < 0)
		die("receiver", "accept", errno);
	while ((n = rump_sys_read(s, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != pattern(got + (size_t)i)) {
				fprintf(stderr, "receiver: byte %zu differs\n",
				    got + (size_t)i);
				_exit(1);
			}
		got += (size_t)n;
	}
	if (n < 0)
		die("receiver", "read", errno);
	if (got != total) {
		fprintf(stderr, "receiver: %zu of %zu bytes\n", got, total);
		_exit(1);
	}
	/* Linger: close returns when our FIN is acknowledged. */
	rump_sys_setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	if (rump_sys_close(s) != 0)
		die("receiver", "close", errno);
	_exit(0);
}

static void __attribute__((noreturn))
sender(size_t total, int lossy)
{
	struct sockaddr_in a;
	static uint8_t buf[CHUNK];
	char c;
	int s = -1;

	boot("sender", "10.9.0.1", lossy);
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(PORT);
	inet_pton(AF_INET, "10.9.0.2", &a.sin_addr);
	/* The receiver may not listen yet: try for 20 s. */
	for (int i = 0; i < 400; i++) {
		s = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
		if (rump_sys_connect(s, (struct sockaddr *)&a, sizeof(a)) == 0)
			break;
		rump_sys_close(s);
		s = -1;
		usleep(50000);
	}
	if (s < 0)
		die("sender", "connect", errno);
	for (size_t off = 0; off < total;) {
		size_t n = total - off < CHUNK ? total - off : CHUNK;

		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		for (size_t done = 0; done < n;) {
			ssize_t w = rump_sys_write(s, buf + done, n - done);

			if (w <= 0)
				die("sender", "write", errno);
			done += (size_t)w;
		}
		off += n;
	}
	if (rump_sys_shutdown(s, SHUT_WR) != 0)
		die("sender", "shutdown", errno);
	/* The receiver's end of file: it got everything and closed. */
	if (rump_sys_read(s, &c, 1) != 0)
		die("sender", "read after shutdown", errno);
	rump_sys_close(s);
	_exit(0);
}

static void
run_pair(size_t total, int lossy)
{
	const char *mib = getenv("TEST_TCP_SHMIF_MIB");  /* for debugging */
	pid_t r, s;

	if (mib != NULL)
		total = strtoul(mib, NULL, 10) << 20;
	r = fork();
	assert_true(r >= 0);
	if (r == 0)
		receiver(total, lossy);
	s = fork();
	assert_true(s >= 0);
	if (s == 0)
		sender(total, lossy);
	sp_wait_ok(s);
	sp_wait_ok(r);
}

static void
test_shmif_100m(void **state)
{
	(void)state;
	run_pair(100u << 20, 0);
}

static void
test_shmif_100m_lossy(void **state)
{
	(void)state;
	run_pair(100u << 20, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shmif_100m),
		cmocka_unit_test(test_shmif_100m_lossy),
	};

	return cmocka_run_group_tests(tests, sp_setup, sp_teardown);
}
