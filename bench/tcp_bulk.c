/*
 * tcp_bulk.c -- TCP bulk throughput of the hosted rump kernel's stack
 * beside Linux's, measured in the same run: a sender writes SIZE bytes
 * in 64 KiB writes to a receiver that reads them,
 *   bus:  between two hosted rump kernels (two processes) on one
 *         shared-memory bus (shmif, MTU 1500),
 *   rump: both ends in one rump kernel over its loopback interface,
 *   linux: the native calls over Linux's loopback.
 * Prints the median MiB/s of RUNS runs each and the ratios to Linux
 * (goal, issue 8: at least 1/3).
 *
 * usage: tcp_bulk [MIB]   (default 256 MiB per run)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_net.h>
#include <rump/rump_syscalls.h>

#define RUNS 3
#define CHUNK 65536

/* The socket calls of one side: rump's or the host's. */
struct ops {
	const char *name;
	int (*socket)(int, int, int);
	int (*bind)(int, const struct sockaddr *, socklen_t);
	int (*listen)(int, int);
	int (*accept)(int, struct sockaddr *, socklen_t *);
	int (*connect)(int, const struct sockaddr *, socklen_t);
	ssize_t (*read)(int, void *, size_t);
	ssize_t (*write)(int, const void *, size_t);
	int (*close)(int);
	int (*setsockopt)(int, int, int, const void *, socklen_t);
	int (*shutdown)(int, int);
};

static const struct ops native_ops = {
	"linux", socket, bind, listen, accept, connect, read, write, close,
	setsockopt, shutdown,
};

static const struct ops rump_ops = {
	"rump", rump_sys_socket, rump_sys_bind, rump_sys_listen,
	rump_sys_accept, rump_sys_connect, rump_sys_read, rump_sys_write,
	rump_sys_close, rump_sys_setsockopt, rump_sys_shutdown,
};

struct sender {
	const struct ops *o;
	int fd;
	size_t total;
};

static void *
send_main(void *arg)
{
	struct sender *s = arg;
	static char buf[CHUNK];

	for (size_t off = 0; off < s->total;) {
		ssize_t n = s->o->write(s->fd, buf, CHUNK);

		if (n <= 0) {
			perror("write");
			exit(1);
		}
		off += (size_t)n;
	}
	/* Not just close: the data may still sit in the kernel, and a
	 * sender on a bus is a process that exits next.  The receiver's
	 * end of file says everything arrived. */
	s->o->shutdown(s->fd, SHUT_WR);
	while (s->o->read(s->fd, buf, CHUNK) > 0)
		continue;
	s->o->close(s->fd);
	return NULL;
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One transfer of total bytes; MiB/s. */
static double
run(const struct ops *o, uint16_t port, size_t total)
{
	struct sockaddr_in a;
	struct sender s = { .o = o, .total = total };
	static char buf[CHUNK];
	int l, c, one = 1;
	size_t got = 0;
	pthread_t t;
	double t0, t1;
	ssize_t n;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a.sin_port = htons(port);
	l = o->socket(AF_INET, SOCK_STREAM, 0);
	o->setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (l < 0 || o->bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    o->listen(l, 5) != 0) {
		fprintf(stderr, "%s: listen: %s\n", o->name, strerror(errno));
		exit(1);
	}
	s.fd = o->socket(AF_INET, SOCK_STREAM, 0);
	if (o->connect(s.fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    (c = o->accept(l, NULL, NULL)) < 0) {
		fprintf(stderr, "%s: connect: %s\n", o->name, strerror(errno));
		exit(1);
	}
	t0 = now_s();
	pthread_create(&t, NULL, send_main, &s);
	while ((n = o->read(c, buf, sizeof(buf))) > 0)
		got += (size_t)n;
	t1 = now_s();
	o->close(c);
	pthread_join(t, NULL);
	o->close(l);
	if (got != total) {
		fprintf(stderr, "%s: got %zu of %zu bytes\n", o->name, got, total);
		exit(1);
	}
	return (double)total / (1 << 20) / (t1 - t0);
}

/* --- two kernels on a bus: each end is a process of its own --- */

static char bus_spec[128];

static void
bus_boot(const char *addr)
{
	struct in_addr in;

	if (rump_init() != 0 || rump_net_if_create("shm0", bus_spec) != 0) {
		fprintf(stderr, "bus: cannot boot a kernel with shm0\n");
		_exit(1);
	}
	inet_pton(AF_INET, addr, &in);
	if (rump_net_if_setaddr("shm0", in.s_addr, 24) != 0)
		_exit(1);
}

/* One transfer between two kernels; MiB/s as the receiver saw it. */
static double
bus_run(size_t total)
{
	struct sockaddr_in a;
	double rate = 0;
	pid_t r, w;
	int p[2];

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(9100);
	if (pipe(p) != 0)
		exit(1);
	r = fork();
	if (r == 0) {
		static char buf[CHUNK];
		size_t got = 0;
		double t0;
		ssize_t n;
		int l, c;

		bus_boot("10.77.0.2");
		l = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
		if (rump_sys_bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 ||
		    rump_sys_listen(l, 1) != 0 ||
		    (c = rump_sys_accept(l, NULL, NULL)) < 0)
			_exit(1);
		t0 = now_s();
		while ((n = rump_sys_read(c, buf, sizeof(buf))) > 0)
			got += (size_t)n;
		rate = (double)got / (1 << 20) / (now_s() - t0);
		rump_sys_close(c);
		if (got != total || write(p[1], &rate, sizeof(rate)) < 0)
			_exit(1);
		_exit(0);
	}
	w = fork();
	if (w == 0) {
		struct sender snd = { .o = &rump_ops, .total = total };

		bus_boot("10.77.0.1");
		inet_pton(AF_INET, "10.77.0.2", &a.sin_addr);
		for (int i = 0; i < 200; i++) {
			snd.fd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
			if (rump_sys_connect(snd.fd, (struct sockaddr *)&a,
			    sizeof(a)) == 0)
				break;
			rump_sys_close(snd.fd);
			snd.fd = -1;
			usleep(50000);
		}
		if (snd.fd < 0)
			_exit(1);
		send_main(&snd);
		_exit(0);
	}
	waitpid(w, NULL, 0);
	waitpid(r, NULL, 0);
	if (read(p[0], &rate, sizeof(rate)) != sizeof(rate)) {
		fprintf(stderr, "bus: the transfer failed\n");
		exit(1);
	}
	close(p[0]);
	close(p[1]);
	return rate;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(const struct ops *o, uint16_t port, size_t total)
{
	double v[RUNS];

	for (int i = 0; i < RUNS; i++)
		v[i] = run(o, (uint16_t)(port + i), total);
	qsort(v, RUNS, sizeof(v[0]), cmp);
	return v[RUNS / 2];
}

int
main(int argc, char **argv)
{
	size_t mib = argc > 1 ? strtoul(argv[1], NULL, 10) : 256;
	size_t total = mib << 20;
	double b[RUNS], r, n;
	char dir[] = "/tmp/tcp_bulk.XXXXXX";

	/* The bus runs fork: before this process boots a kernel. */
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(bus_spec, sizeof(bus_spec), "shmif:%s/bus", dir);
	for (int i = 0; i < RUNS; i++)
		b[i] = bus_run(total);
	qsort(b, RUNS, sizeof(b[0]), cmp);
	snprintf(bus_spec, sizeof(bus_spec), "%s/bus", dir);
	unlink(bus_spec);
	rmdir(dir);
	if (rump_init() != 0) {
		fprintf(stderr, "rump_init failed\n");
		return 1;
	}
	r = median(&rump_ops, 40000, total);
	n = median(&native_ops, 40100 + (uint16_t)(getpid() % 1000), total);
	printf("tcp bulk, %zu MiB, median of %d:\n", mib, RUNS);
	printf("  rump, two kernels on a shmif bus  %8.1f MiB/s\n", b[RUNS / 2]);
	printf("  rump, loopback in one kernel      %8.1f MiB/s\n", r);
	printf("  linux, loopback                   %8.1f MiB/s\n", n);
	printf("  ratio bus/linux %.2f, loopback/linux %.2f (goal >= 0.33)\n",
	    b[RUNS / 2] / n, r / n);
	return 0;
}
