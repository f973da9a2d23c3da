/*
 * tcp_bulk.c -- TCP bulk throughput of the hosted rump kernel's stack
 * beside Linux's, measured in the same run: a sender writes SIZE bytes
 * in 64 KiB writes to a receiver that reads them,
 *   bus:   between two hosted rump kernels (two processes) on one
 *          shared-memory bus (shmif), at each MTU asked for,
 *   loop:  both ends in one rump kernel over its loopback interface,
 *   linux: the native calls over Linux's loopback.
 * Prints the median MiB/s of RUNS runs each and the ratios to Linux
 * (goal, issue 8: the bus at least 1/3 of Linux's loopback).
 *
 * usage: tcp_bulk [-n RUNS] [-t bus,loop,linux] [-m MTU[,MTU...]]
 *                 [-b BYTES] [MIB]
 *   -n RUNS  runs per median (default 5)
 *   -t LIST  what to measure (default all three)
 *   -m LIST  the bus MTUs (default 1500,65535); the last one is the
 *            headline figure
 *   -b BYTES SO_SNDBUF and SO_RCVBUF of every socket, on every stack
 *            (default: each stack's own defaults; Linux's autotunes);
 *            the bus ring is then made 8 times as large, so that the
 *            window never laps a reader
 *   MIB      MiB per run (default 256)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
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

#define RUNS_MAX 31
#define MTUS_MAX 8
#define CHUNK 65536

/* -b: socket buffer bytes, 0 for the defaults. */
static int sockbuf;

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
		size_t want = s->total - off < CHUNK ? s->total - off : CHUNK;
		ssize_t n = s->o->write(s->fd, buf, want);

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

/* set_sockbuf: -b's buffers on fd (before connect or listen, so that the
 * window scale covers them). */
static void
set_sockbuf(const struct ops *o, int fd)
{
	if (sockbuf > 0 &&
	    (o->setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sockbuf,
	    sizeof(sockbuf)) != 0 ||
	    o->setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &sockbuf,
	    sizeof(sockbuf)) != 0)) {
		fprintf(stderr, "%s: setsockopt: %s\n", o->name,
		    strerror(errno));
		exit(1);
	}
}

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One transfer of total bytes inside one stack; MiB/s. */
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
	set_sockbuf(o, l);
	if (l < 0 || o->bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    o->listen(l, 5) != 0) {
		fprintf(stderr, "%s: listen: %s\n", o->name, strerror(errno));
		exit(1);
	}
	s.fd = o->socket(AF_INET, SOCK_STREAM, 0);
	set_sockbuf(o, s.fd);
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

static void
bus_boot(const char *spec, const char *addr)
{
	struct in_addr in;

	if (rump_init() != 0 || rump_net_if_create("shm0", spec) != 0) {
		fprintf(stderr, "bus: cannot boot a kernel with shm0 on %s\n",
		    spec);
		_exit(1);
	}
	inet_pton(AF_INET, addr, &in);
	if (rump_net_if_setaddr("shm0", in.s_addr, 24) != 0)
		_exit(1);
}

/* The receiving kernel: accept one connection, read it to its end. */
static void
bus_receiver(const char *spec, size_t total, int out)
{
	struct sockaddr_in a;
	static char buf[CHUNK];
	size_t got = 0;
	double t0, rate;
	ssize_t n;
	int l, c;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(9100);
	bus_boot(spec, "10.77.0.2");
	l = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
	set_sockbuf(&rump_ops, l);
	if (rump_sys_bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    rump_sys_listen(l, 1) != 0 ||
	    (c = rump_sys_accept(l, NULL, NULL)) < 0)
		_exit(1);
	t0 = now_s();
	while ((n = rump_sys_read(c, buf, sizeof(buf))) > 0)
		got += (size_t)n;
	rate = (double)got / (1 << 20) / (now_s() - t0);
	rump_sys_close(c);
	if (got != total || write(out, &rate, sizeof(rate)) < 0)
		_exit(1);
	_exit(0);
}

/* The sending kernel: connect (the receiver may not listen yet), send. */
static void
bus_sender(const char *spec, size_t total)
{
	struct sender snd = { .o = &rump_ops, .total = total, .fd = -1 };
	struct sockaddr_in a;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_port = htons(9100);
	inet_pton(AF_INET, "10.77.0.2", &a.sin_addr);
	bus_boot(spec, "10.77.0.1");
	for (int i = 0; i < 200; i++) {
		snd.fd = rump_sys_socket(AF_INET, SOCK_STREAM, 0);
		set_sockbuf(&rump_ops, snd.fd);
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

/* One transfer between two kernels on a fresh bus; MiB/s as the
 * receiver saw it. */
static double
bus_run(const char *dir, unsigned mtu, size_t total)
{
	char spec[160], path[128];
	double rate = 0;
	pid_t r, w;
	int p[2];

	snprintf(path, sizeof(path), "%s/bus", dir);
	if (sockbuf > 0)
		snprintf(spec, sizeof(spec), "shmif:%s,mtu=%u,size=%uk", path,
		    mtu, (8 * (unsigned)sockbuf + 1048575) / 1048576 * 1024);
	else
		snprintf(spec, sizeof(spec), "shmif:%s,mtu=%u", path, mtu);
	if (pipe(p) != 0)
		exit(1);
	r = fork();
	if (r == 0)
		bus_receiver(spec, total, p[1]);
	w = fork();
	if (w == 0)
		bus_sender(spec, total);
	waitpid(w, NULL, 0);
	waitpid(r, NULL, 0);
	unlink(path);
	if (read(p[0], &rate, sizeof(rate)) != sizeof(rate)) {
		fprintf(stderr, "bus: the transfer at MTU %u failed\n", mtu);
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
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(v[0]), cmp);
	return v[n / 2];
}

static void
print_rate(const char *what, double mibs)
{
	printf("  %-44s %8.1f MiB/s\n", what, mibs);
}

static void
usage(void)
{
	fprintf(stderr, "usage: tcp_bulk [-n RUNS] [-t bus,loop,linux] "
	    "[-m MTU[,MTU...]] [-b BYTES] [MIB]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *what = "bus,loop,linux";
	unsigned mtus[MTUS_MAX] = { 1500, 65535 };
	int nmtu = 2, runs = 5, ch;
	static double vb[MTUS_MAX][RUNS_MAX], vr[RUNS_MAX], vn[RUNS_MAX];
	double bus[MTUS_MAX], loop = 0, lin = 0;
	uint16_t port = (uint16_t)(40100 + getpid() % 1000);
	bool dobus, doloop, dolinux;
	size_t mib = 256, total;
	char dir[] = "/tmp/tcp_bulk.XXXXXX", label[80];

	while ((ch = getopt(argc, argv, "n:t:m:b:")) != -1) {
		switch (ch) {
		case 'b':
			sockbuf = atoi(optarg);
			/* Up to 64 MiB: the bus ring of 8 times that stays
			 * within its 1 GiB limit. */
			if (sockbuf < 4096 || sockbuf > (64 << 20))
				usage();
			break;
		case 'n':
			runs = atoi(optarg);
			if (runs < 1 || runs > RUNS_MAX)
				usage();
			break;
		case 't':
			what = optarg;
			break;
		case 'm':
			nmtu = 0;
			for (char *s = strtok(optarg, ","); s != NULL;
			    s = strtok(NULL, ",")) {
				if (nmtu == MTUS_MAX || atoi(s) < 68)
					usage();
				mtus[nmtu++] = (unsigned)atoi(s);
			}
			if (nmtu == 0)
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind + 1 < argc)
		usage();
	if (optind < argc && (mib = strtoul(argv[optind], NULL, 10)) == 0)
		usage();
	total = mib << 20;
	dobus = strstr(what, "bus") != NULL;
	doloop = strstr(what, "loop") != NULL;
	dolinux = strstr(what, "linux") != NULL;

	printf("tcp bulk, %zu MiB per run, median of %d, %s:\n", mib, runs,
	    sockbuf > 0 ? "-b socket buffers" : "default socket buffers");
	/*
	 * Rounds: each runs the bus at every MTU, then Linux, so that both
	 * see the same machine (other jobs come and go).  The bus runs
	 * fork: before this process boots a kernel for the loopback runs.
	 */
	if (dobus && mkdtemp(dir) == NULL)
		return 1;
	for (int i = 0; i < runs; i++) {
		for (int m = 0; dobus && m < nmtu; m++)
			vb[m][i] = bus_run(dir, mtus[m], total);
		if (dolinux)
			vn[i] = run(&native_ops, (uint16_t)(port + i), total);
	}
	if (dobus)
		rmdir(dir);
	if (doloop) {
		if (rump_init() != 0) {
			fprintf(stderr, "rump_init failed\n");
			return 1;
		}
		for (int i = 0; i < runs; i++)
			vr[i] = run(&rump_ops, (uint16_t)(40000 + i), total);
	}
	for (int m = 0; dobus && m < nmtu; m++) {
		bus[m] = median(vb[m], runs);
		snprintf(label, sizeof(label),
		    "rump, two kernels on a shmif bus, MTU %u", mtus[m]);
		print_rate(label, bus[m]);
	}
	if (doloop) {
		loop = median(vr, runs);
		print_rate("rump, loopback in one kernel", loop);
	}
	if (dolinux) {
		lin = median(vn, runs);
		print_rate("linux, loopback", lin);
	}
	if (lin > 0 && loop > 0)
		printf("  ratio loopback/linux %.2f\n", loop / lin);
	if (lin > 0 && dobus) {
		for (int m = 0; m < nmtu - 1; m++)
			printf("  ratio bus (MTU %u)/linux %.2f\n", mtus[m],
			    bus[m] / lin);
		/* The headline: the last MTU asked for. */
		printf("bus TCP %.0f MiB/s (MTU %u), Linux loopback "
		    "%.0f MiB/s, ratio %.2f (goal >= 0.33)\n", bus[nmtu - 1],
		    mtus[nmtu - 1], lin, bus[nmtu - 1] / lin);
	}
	return 0;
}
