/*
 * getpid.c -- ns per getpid(), timed with clock_gettime(CLOCK_MONOTONIC)
 * over ITER calls, median of RUNS runs.  Plain POSIX C built twice by
 * bench/image.sh: with the rumprun toolchain and baked, where getpid()
 * is a function call into the rump kernel inside the image, and natively,
 * where it is the Linux system call (the reference on the same machine).
 *
 * usage: getpid [ITER]   (default 1000000)
 * Prints one line: "getpid: N.N ns per call (median of RUNS runs of ITER)".
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define RUNS 5

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

int
main(int argc, char **argv)
{
	long iter = 1000000;
	double r[RUNS];
	pid_t pid = getpid();

	if (argc > 2 || (argc == 2 && (iter = strtol(argv[1], NULL, 10)) < 1)) {
		fprintf(stderr, "usage: getpid [ITER >= 1]\n");
		return 2;
	}
	for (int run = 0; run < RUNS; run++) {
		double t0 = now_ns();
		for (long i = 0; i < iter; i++) {
			/* musl and glibc do not cache the pid: each is a call */
			if (getpid() != pid) {
				fprintf(stderr, "getpid: the pid changed\n");
				return 1;
			}
		}
		r[run] = (now_ns() - t0) / iter;
	}
	qsort(r, RUNS, sizeof(r[0]), cmp);
	printf("getpid: %.1f ns per call (median of %d runs of %ld)\n", r[RUNS / 2], RUNS, iter);
	return 0;
}
