/*
 * prog_ncpu.c -- how many host threads are inside the kernel at once?
 * THREADS threads (argv[1], default 8) enter and leave the kernel in a
 * loop, counting how many are between rump_schedule() and
 * rump_unschedule() at the same time; prints "max N".  With RUMP_NCPU=n
 * the answer must never exceed n.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>

#include <rump/rump.h>

static int inside, max_inside;

static void *
worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20000; i++) {
		rump_schedule();
		int n = __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);
		int m = __atomic_load_n(&max_inside, __ATOMIC_RELAXED);
		while (n > m && !__atomic_compare_exchange_n(&max_inside, &m,
		    n, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
			continue;
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

	if (nthreads < 1 || nthreads > 64 || rump_init() != 0)
		return 2;
	for (int i = 0; i < nthreads; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < nthreads; i++)
		pthread_join(t[i], NULL);
	printf("max %d\n", max_inside);
	return 0;
}
