/* threads.c -- runs under hostshim: threads, TLS, detached exits, errno. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static _Thread_local int tls_value = 7;
static int sum;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
	int n = (int)(long)arg;

	tls_value += n;
	pthread_mutex_lock(&lock);
	sum += tls_value;
	pthread_mutex_unlock(&lock);
	return (void *)(long)(n * 2);
}

int main(void)
{
	pthread_t t[4];
	void *r;
	int i, total = 0;

	for (i = 0; i < 4; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)(long)i) != 0)
			return 10;
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], &r);
		total += (int)(long)r;
	}
	/* Detached threads exit through __unmapself. */
	for (i = 0; i < 8; i++) {
		pthread_t d;
		pthread_attr_t a;
		pthread_attr_init(&a);
		pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&d, &a, worker, (void *)0L) != 0)
			return 11;
	}
	usleep(100000);
	if (open("/nonexistent/file", O_RDONLY) != -1 || errno != ENOENT)
		return 12;
	char *p = malloc(100000);
	if (p == NULL)
		return 13;
	memset(p, 1, 100000);
	free(p);
	printf("threads ok: total=%d sum=%d tls=%d %s\n", total, sum, tls_value,
	    strerror(ENOENT));
	return 3;
}
