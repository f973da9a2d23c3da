/*
 * remote.c -- the cost of a system call through rump_server (built as
 * obj/bench/remote, linked with librumpclient, RUMP_SERVER set) beside
 * the same calls in an in-process kernel (obj/bench/local, built from
 * this file with -DBENCH_LOCAL): getpid, and a 4 KiB pread of a tmpfs
 * file.  Prints one line per call: mean nanoseconds per call.
 *   bench/remote [ITERATIONS]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rump/rump_syscalls.h>
#ifdef BENCH_LOCAL
#include <rump/rump.h>
#define WHERE "in-process"
#else
#include "rumpclient.h"
#define WHERE "remote (unix socket)"
#endif

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int
main(int argc, char **argv)
{
	static char buf[4096];
	int n = argc > 1 ? atoi(argv[1]) : 20000;
	char path[64];
	double t0;
	int fd, error;

#ifdef BENCH_LOCAL
	error = rump_init();
#else
	error = rumpclient_init();
#endif
	if (error != 0 || n <= 0) {
		fprintf(stderr, "bench: cannot start (%s)\n", strerror(error));
		return 1;
	}
	snprintf(path, sizeof(path), "/bench.%d", rump_sys_getpid());
	fd = rump_sys_open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	if (fd < 0 || rump_sys_write(fd, buf, sizeof(buf)) != sizeof(buf)) {
		perror("bench: setup");
		return 1;
	}

	t0 = now_ns();
	for (int i = 0; i < n; i++)
		rump_sys_getpid();
	printf("%-22s getpid        %8.0f ns/call\n", WHERE,
	    (now_ns() - t0) / n);

	t0 = now_ns();
	for (int i = 0; i < n; i++)
		if (rump_sys_pread64(fd, buf, sizeof(buf), 0) != sizeof(buf)) {
			perror("bench: pread");
			return 1;
		}
	printf("%-22s pread 4 KiB   %8.0f ns/call\n", WHERE,
	    (now_ns() - t0) / n);
	rump_sys_close(fd);
	rump_sys_unlink(path);
	return 0;
}
