/*
 * kern_entry.c -- what entering the kernel costs on the hosted platform:
 * rump_schedule()+rump_unschedule() (kernel entry and exit) and an
 * uncontended kernel mutex, each beside a reference measured in the same
 * run on the same machine (a native getpid system call; an uncontended
 * pthread mutex).  Prints medians of 15 runs in ns.  Goal: entry+exit
 * under 50 ns.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <rump/rump.h>

/*
 * Kernel internals, reached by their namespaced names on purpose: this
 * benchmark measures the kernel's own mutex (components/kern/lock.c).
 */
struct kmutex { void *mtx; };
void rumpns_mutex_init(struct kmutex *, int);
void rumpns_mutex_enter(struct kmutex *);
void rumpns_mutex_exit(struct kmutex *);

#define ITER 2000000
#define RUNS 15

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

typedef void (*bench_fn)(void);

static double
median_ns(bench_fn fn, int iter)
{
	double r[RUNS];

	for (int run = 0; run < RUNS; run++) {
		double t0 = now_ns();
		for (int i = 0; i < iter; i++)
			fn();
		r[run] = (now_ns() - t0) / iter;
	}
	qsort(r, RUNS, sizeof(r[0]), cmp);
	return r[RUNS / 2];
}

static void
kernel_entry_exit(void)
{
	rump_schedule();
	rump_unschedule();
}

static void
native_getpid(void)
{
	syscall(SYS_getpid);
}

static struct kmutex kmtx;
static void
kernel_mutex(void)
{
	rumpns_mutex_enter(&kmtx);
	rumpns_mutex_exit(&kmtx);
}

static pthread_mutex_t pmtx = PTHREAD_MUTEX_INITIALIZER;
static void
pthread_mutex(void)
{
	pthread_mutex_lock(&pmtx);
	pthread_mutex_unlock(&pmtx);
}

int
main(void)
{
	double entry, sys, km, pm;

	if (rump_init() != 0)
		return 1;
	entry = median_ns(kernel_entry_exit, ITER);
	sys = median_ns(native_getpid, ITER / 4);
	rump_schedule();
	rumpns_mutex_init(&kmtx, 0);
	km = median_ns(kernel_mutex, ITER);
	rump_unschedule();
	pm = median_ns(pthread_mutex, ITER);

	printf("%-36s %8.1f ns   (reference: native getpid syscall %.1f ns, ratio %.2f; goal < 50 ns)\n",
	    "kernel entry+exit (schedule/unsched)", entry, sys, entry / sys);
	printf("%-36s %8.1f ns   (reference: pthread mutex %.1f ns, ratio %.2f)\n",
	    "kernel mutex enter+exit", km, pm, km / pm);
	return 0;
}
