/*
 * prog_ncpu.c -- how many host threads are inside the kernel at once?
 * THREADS threads (argv[1], default 8) enter and leave the kernel in a
 * loop, counting how many are between rump_schedule() and
 * rump_unschedule() at the same time; prints "max N".  With RUMP_NCPU=n
 * the answer must never exceed n.
 *
 * With a second argument R ("rendezvous"), each thread enters once and
 * waits inside, holding its CPU, until R threads are inside (or 2 s
 * passed): then max is exactly min(R, n), whatever the host's load.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <rump/rump.h>

static int inside, max_inside, rendezvous;

static void
note_max(int n)
{
	int m = __atomic_load_n(&max_inside, __ATOMIC_RELAXED);

	while (n > m && !__atomic_compare_exchange_n(&max_inside, &m, n, 0,
	    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		continue;
}

static void *
meet(void *arg)
{
	struct timespec t0, t;

	(void)arg;
	rump_schedule();
	note_max(__atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		note_max(__atomic_load_n(&inside, __ATOMIC_SEQ_CST));
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (__atomic_load_n(&inside, __ATOMIC_SEQ_CST) < rendezvous &&
	    t.tv_sec - t0.tv_sec < 2);
	note_max(__atomic_load_n(&inside, __ATOMIC_SEQ_CST));
	/* Stay until everyone who can be inside has seen the crowd. */
	__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
	rump_unschedule();
	return NULL;
}

static void *
worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20000; i++) {
		rump_schedule();
		note_max(__atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST));
		/* Stay a little, so that others pile up at the door. */
		for (volatile int spin = 0; spin < 200; spin++)
			continue;
		__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
		rump_unschedule();
		if (i % 64 == 0)
			sched_yield();
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	int nthreads = argc > 1 ? atoi(argv[1]) : 8;
	pthread_t t[64];

	rendezvous = argc > 2 ? atoi(argv[2]) : 0;
	if (nthreads < 1 || nthreads > 64 || rump_init() != 0)
		return 2;
	for (int i = 0; i < nthreads; i++)
		pthread_create(&t[i], NULL, rendezvous ? meet : worker, NULL);
	for (int i = 0; i < nthreads; i++)
		pthread_join(t[i], NULL);
	printf("max %d\n", max_inside);
	return 0;
}
