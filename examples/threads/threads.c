/*
 * threads.c -- 8 POSIX threads share a counter under a mutex, hand work
 * around with a condition variable, and meet at a barrier.  Prints the
 * totals, which are the same on every run.
 */
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 8
#define ROUNDS 10000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_cv = PTHREAD_COND_INITIALIZER;
static pthread_barrier_t barrier;
static long counter;
static int turn;            /* whose turn it is to append to order[] */
static int order[NTHREADS];
static int norder;
static __thread int my_id;  /* thread-local: each thread its own */

static void *
worker(void *arg)
{
	my_id = (int)(long)arg;
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	/* Take turns in id order, whatever order the threads run in. */
	pthread_mutex_lock(&lock);
	while (turn != my_id)
		pthread_cond_wait(&turn_cv, &lock);
	order[norder++] = my_id;
	turn++;
	pthread_cond_broadcast(&turn_cv);
	pthread_mutex_unlock(&lock);
	pthread_barrier_wait(&barrier);
	return (void *)(long)(my_id * 10);
}

int
main(void)
{
	pthread_t t[NTHREADS];
	long sum = 0;

	pthread_barrier_init(&barrier, NULL, NTHREADS);
	for (long i = 0; i < NTHREADS; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)i) != 0) {
			printf("pthread_create failed\n");
			return 1;
		}
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		sum += (long)r;
	}
	printf("counter %ld (expected %d)\n", counter, NTHREADS * ROUNDS);
	printf("order");
	for (int i = 0; i < NTHREADS; i++)
		printf(" %d", order[i]);
	printf("\nsum of return values %ld\n", sum);
	return counter == NTHREADS * ROUNDS && sum == 280 ? 0 : 1;
}
