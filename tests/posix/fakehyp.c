/* fakehyp.c -- counting fake upcalls shared by the librumpuser tests. */
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fakehyp.h"

static struct fakehyp_counts counts;
static __thread int has_cpu;
static int ncpus;
static sem_t cpusem;
void *volatile fakehyp_lastlwpexit;

static void
fake_schedule(void)
{
	if (has_cpu)
		__atomic_add_fetch(&counts.nviolation, 1, __ATOMIC_SEQ_CST);
	if (ncpus > 0) {
		while (sem_wait(&cpusem) != 0)
			continue;
	}
	has_cpu = 1;
	__atomic_add_fetch(&counts.nsched, 1, __ATOMIC_SEQ_CST);
}

static void
fake_unschedule(void)
{
	if (!has_cpu)
		__atomic_add_fetch(&counts.nviolation, 1, __ATOMIC_SEQ_CST);
	has_cpu = 0;
	__atomic_add_fetch(&counts.nunsched, 1, __ATOMIC_SEQ_CST);
	if (ncpus > 0)
		sem_post(&cpusem);
}

/* As a kernel would: free the lwp, which unbinds it. */
static void
fake_lwpexit(void *lwp)
{
	if (rumpuser_curlwp() != lwp)
		__atomic_add_fetch(&counts.nviolation, 1, __ATOMIC_SEQ_CST);
	fakehyp_lastlwpexit = lwp;
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, lwp);
	__atomic_add_fetch(&counts.nlwpexit, 1, __ATOMIC_SEQ_CST);
}

const struct rumpuser_hyperup fakehyp_upcalls = {
	.hyp_unschedule = fake_unschedule,
	.hyp_schedule = fake_schedule,
	.hyp_lwpexit = fake_lwpexit,
};

void
fakehyp_init(int ncpu)
{
	ncpus = ncpu;
	if (ncpu > 0 && sem_init(&cpusem, 0, (unsigned int)ncpu) != 0) {
		perror("sem_init");
		exit(1);
	}
	if (rumpuser_init(RUMPUSER_VERSION, &fakehyp_upcalls) != 0) {
		fprintf(stderr, "fakehyp: rumpuser_init failed\n");
		exit(1);
	}
}

void
fakehyp_reset(void)
{
	__atomic_store_n(&counts.nsched, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&counts.nunsched, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&counts.nlwpexit, 0, __ATOMIC_SEQ_CST);
	__atomic_store_n(&counts.nviolation, 0, __ATOMIC_SEQ_CST);
	fakehyp_lastlwpexit = NULL;
}

struct fakehyp_counts
fakehyp_get(void)
{
	struct fakehyp_counts c;

	c.nsched = __atomic_load_n(&counts.nsched, __ATOMIC_SEQ_CST);
	c.nunsched = __atomic_load_n(&counts.nunsched, __ATOMIC_SEQ_CST);
	c.nlwpexit = __atomic_load_n(&counts.nlwpexit, __ATOMIC_SEQ_CST);
	c.nviolation = __atomic_load_n(&counts.nviolation, __ATOMIC_SEQ_CST);
	return c;
}

void
fakehyp_enter(void)
{
	fake_schedule();
}

void
fakehyp_leave(void)
{
	fake_unschedule();
}

int
fakehyp_has_cpu(void)
{
	return has_cpu;
}

int64_t
fakehyp_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void
fakehyp_msleep(int ms)
{
	usleep((useconds_t)ms * 1000);
}
