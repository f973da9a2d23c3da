/* thread.c -- host threads for the kernel: create, exit, join. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "rumpuser_int.h"

/* A joinable thread's cookie is its pthread_t. */
_Static_assert(sizeof(pthread_t) <= sizeof(void *), "pthread_t fits cookie");

/* Linux thread names hold 15 characters and the NUL. */
#define THREAD_NAMELEN 16

static int
thread_setstack(pthread_attr_t *attr, uint64_t stacksize)
{
	long pagesize = sysconf(_SC_PAGESIZE);
	long minsize = PTHREAD_STACK_MIN; /* a sysconf() call in new glibc */
	uint64_t size = stacksize;

	if (minsize > 0 && size < (uint64_t)minsize)
		size = (uint64_t)minsize;
	if (pagesize > 0)
		size = (size + (uint64_t)pagesize - 1) &
		    ~((uint64_t)pagesize - 1);
	return pthread_attr_setstacksize(attr, size);
}

int
rumpuser_thread_create(void *(*fn)(void *), void *arg, const char *name,
    int joinable, int priority, int cpuidx, uint64_t stacksize,
    void **cookie)
{
	char tname[THREAD_NAMELEN];
	sigset_t all, old;
	pthread_attr_t attr;
	pthread_t tid;
	int error;

	/* Hints this host does not act on: the host scheduler decides. */
	(void)priority;
	(void)cpuidx;

	if (fn == NULL || (joinable && cookie == NULL))
		return EINVAL;
	if ((error = pthread_attr_init(&attr)) != 0)
		return rumpuser__errtrans(error);
	error = pthread_attr_setdetachstate(&attr,
	    joinable ? PTHREAD_CREATE_JOINABLE : PTHREAD_CREATE_DETACHED);
	if (error == 0 && stacksize != 0)
		error = thread_setstack(&attr, stacksize);
	if (error != 0)
		goto out_attr;

	/*
	 * Kernel threads take no host signals, which belong to the program
	 * around the kernel: the new thread inherits a full mask.
	 */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	error = pthread_create(&tid, &attr, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (error != 0)
		goto out_attr;

	if (name != NULL) {
		/* The name is for debuggers only: failing to set it is fine. */
		strncpy(tname, name, sizeof(tname) - 1);
		tname[sizeof(tname) - 1] = '\0';
		(void)pthread_setname_np(tid, tname);
	}
	if (joinable)
		*cookie = (void *)(uintptr_t)tid;

out_attr:
	pthread_attr_destroy(&attr);
	return rumpuser__errtrans(error);
}

void
rumpuser_thread_exit(void)
{
	pthread_exit(NULL);
}

int
rumpuser_thread_join(void *cookie)
{
	int error;

	rumpuser__unschedule();
	error = pthread_join((pthread_t)(uintptr_t)cookie, NULL);
	rumpuser__schedule();
	return rumpuser__errtrans(error);
}
