/*
 * syscalls.c -- what a system call costs in the hosted rump kernel
 * (rump_sys_*(): a function call into the kernel) beside the same call
 * made natively to Linux (a trap) on the same machine in the same run:
 * getpid, a 1-byte read of /dev/zero, open+close of a tmpfs file and a
 * 4 KiB write to a tmpfs file.  Prints medians of RUNS runs in ns per
 * call and the ratio rump/native.  Goal (issue 3): trivial calls at
 * most half the native cost (ratio <= 0.5).
 *
 * The native tmpfs is /dev/shm (checked with statfs); the rump kernel's
 * root file system is its tmpfs.  The 4 KiB write is a pwrite at offset
 * 0, so every call overwrites the same page and the file never grows.
 *
 * usage: syscalls [ITERATIONS]   (default 200000 per run for the
 * trivial calls; the file calls use a quarter of that)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include <rump/rump.h>
#include <rump/rump_syscalls.h>

#define RUNS 15
#define TMPFS_MAGIC_NR 0x01021994 /* statfs f_type of Linux tmpfs */

static const char *native_dir = "/dev/shm";
static char native_file[256];
static const char rump_file[] = "/bench-syscalls";
static int native_zero = -1, rump_zero = -1;
static int native_fd = -1, rump_fd = -1;
static char page[4096];

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/*
 * An operation returns 0 on success; a failure stops the benchmark (a
 * figure for a call that failed would be meaningless).
 */
typedef int (*bench_fn)(void);

static double
median_ns(const char *what, bench_fn fn, int iter)
{
	double r[RUNS];

	for (int run = 0; run < RUNS; run++) {
		double t0 = now_ns();
		for (int i = 0; i < iter; i++) {
			if (fn() != 0) {
				fprintf(stderr, "syscalls: %s failed: %s\n", what, strerror(errno));
				exit(1);
			}
		}
		r[run] = (now_ns() - t0) / iter;
	}
	qsort(r, RUNS, sizeof(r[0]), cmp);
	return r[RUNS / 2];
}

static int native_getpid(void) { return syscall(SYS_getpid) > 0 ? 0 : -1; }
static int rump_getpid(void) { return rump_sys_getpid() > 0 ? 0 : -1; }

static int
native_read1(void)
{
	char c;
	return syscall(SYS_read, native_zero, &c, 1) == 1 ? 0 : -1;
}

static int
rump_read1(void)
{
	char c;
	return rump_sys_read(rump_zero, &c, 1) == 1 ? 0 : -1;
}

static int
native_openclose(void)
{
	int fd = (int)syscall(SYS_openat, AT_FDCWD, native_file, O_RDONLY, 0);

	return fd < 0 ? -1 : (int)syscall(SYS_close, fd);
}

static int
rump_openclose(void)
{
	int fd = rump_sys_open(rump_file, O_RDONLY, 0);

	return fd < 0 ? -1 : rump_sys_close(fd);
}

static int
native_write4k(void)
{
	return syscall(SYS_pwrite64, native_fd, page, sizeof(page), 0L) == sizeof(page) ? 0 : -1;
}

static int
rump_write4k(void)
{
	return rump_sys_pwrite64(rump_fd, page, sizeof(page), 0) == sizeof(page) ? 0 : -1;
}

/* The rows: a name, the two operations, the iteration divisor, a goal. */
static const struct row {
	const char *name;
	bench_fn rump, native;
	int div;
	const char *goal;
} rows[] = {
	{ "getpid", rump_getpid, native_getpid, 1, "goal ratio <= 0.5" },
	{ "read 1 byte of /dev/zero", rump_read1, native_read1, 1, "goal ratio <= 0.5" },
	{ "open+close tmpfs file", rump_openclose, native_openclose, 4, "" },
	{ "pwrite 4 KiB to tmpfs file", rump_write4k, native_write4k, 4, "" },
};

static int
setup(void)
{
	struct statfs sfs;
	int error;

	if (statfs(native_dir, &sfs) != 0 || sfs.f_type != TMPFS_MAGIC_NR) {
		fprintf(stderr, "syscalls: %s is not a tmpfs here; native file "
		    "figures use /tmp instead\n", native_dir);
		native_dir = "/tmp";
	}
	snprintf(native_file, sizeof(native_file), "%s/bench-syscalls.%ld",
	    native_dir, (long)getpid());
	native_fd = open(native_file, O_RDWR | O_CREAT | O_TRUNC, 0600);
	native_zero = open("/dev/zero", O_RDONLY);
	if (native_fd < 0 || native_zero < 0) {
		fprintf(stderr, "syscalls: native setup: %s\n", strerror(errno));
		return -1;
	}

	if ((error = rump_init()) != 0) {
		fprintf(stderr, "syscalls: rump_init: %s\n", strerror(error));
		return -1;
	}
	/* A process of its own, as a program has. */
	if ((error = rump_lwproc_newproc()) != 0) {
		fprintf(stderr, "syscalls: rump_lwproc_newproc: %s\n", strerror(error));
		return -1;
	}
	rump_fd = rump_sys_open(rump_file, O_RDWR | O_CREAT | O_TRUNC, 0600);
	rump_zero = rump_sys_open("/dev/zero", O_RDONLY, 0);
	if (rump_fd < 0 || rump_zero < 0 || rump_sys_fstatfs(rump_fd, &sfs) != 0) {
		fprintf(stderr, "syscalls: rump setup: %s\n", strerror(errno));
		return -1;
	}
	if (sfs.f_type != TMPFS_MAGIC_NR) {
		fprintf(stderr, "syscalls: the rump kernel's root is not tmpfs "
		    "(link rumpfs_tmpfs)\n");
		return -1;
	}
	memset(page, 'x', sizeof(page));
	return 0;
}

int
main(int argc, char **argv)
{
	long iter = 200000;
	int rv = 0;

	if (argc > 2 || (argc == 2 && (iter = strtol(argv[1], NULL, 10)) < 4)) {
		fprintf(stderr, "usage: syscalls [ITERATIONS >= 4]\n");
		return 2;
	}
	if (setup() != 0) {
		rv = 1;
		goto out_unlink;
	}
	printf("ns per call, median of %d runs; native tmpfs is %s\n", RUNS, native_dir);
	printf("%-28s %10s %10s %7s\n", "operation", "rump", "native", "ratio");
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		int n = (int)(iter / r->div);
		double rump = median_ns(r->name, r->rump, n);
		double native = median_ns(r->name, r->native, n);

		printf("%-28s %10.1f %10.1f %7.2f  %s\n", r->name, rump, native,
		    rump / native, r->goal);
	}
out_unlink:
	if (native_file[0] != '\0')
		unlink(native_file);
	return rv;
}
