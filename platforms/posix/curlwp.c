/*
 * curlwp.c -- the per-thread lwp pointer, and telling the kernel when a
 * thread that still has an lwp bound exits.
 */
#include <pthread.h>

#include "rumpuser_int.h"

__thread void *rumpuser__curlwp;

/*
 * The __thread variable makes rumpuser_curlwp() a single load; the key
 * exists only for its destructor, which runs when a host thread exits.
 */
static pthread_key_t curlwp_key;
static pthread_once_t curlwp_once = PTHREAD_ONCE_INIT;

static void
curlwp_threadexit(void *lwp)
{
	/*
	 * The lwp stays bound while the kernel frees it, so that entering
	 * the kernel from here does not bind a new implicit lwp (and make
	 * this destructor run again); the kernel may CLEAR it.
	 */
	if (rumpuser__hyp.hyp_lwpexit != NULL)
		rumpuser__hyp.hyp_lwpexit(lwp);
	rumpuser__curlwp = NULL;
	(void)pthread_setspecific(curlwp_key, NULL);
}

static void
curlwp_keycreate(void)
{
	int error;

	if ((error = pthread_key_create(&curlwp_key, curlwp_threadexit)) != 0)
		RUMPUSER__FATAL("curlwp key", error);
}

void
rumpuser_curlwpop(int op, void *lwp)
{
	int error;

	switch (op) {
	case RUMPUSER_LWP_CREATE:
	case RUMPUSER_LWP_DESTROY:
		/* Nothing is kept per lwp beyond the thread's pointer. */
		break;
	case RUMPUSER_LWP_SET:
		if (lwp == NULL)
			RUMPUSER__FATAL("LWP_SET of a NULL lwp", 0);
		if (rumpuser__curlwp != NULL && rumpuser__curlwp != lwp)
			RUMPUSER__FATAL("LWP_SET while another lwp is bound", 0);
		pthread_once(&curlwp_once, curlwp_keycreate);
		rumpuser__curlwp = lwp;
		if ((error = pthread_setspecific(curlwp_key, lwp)) != 0)
			RUMPUSER__FATAL("curlwp key", error);
		break;
	case RUMPUSER_LWP_CLEAR:
		if (lwp == NULL || rumpuser__curlwp != lwp)
			RUMPUSER__FATAL("LWP_CLEAR of an lwp not bound here", 0);
		rumpuser__curlwp = NULL;
		/* A bound lwp means a SET ran, so the key exists. */
		(void)pthread_setspecific(curlwp_key, NULL);
		break;
	default:
		RUMPUSER__FATAL("unknown rumpuser_curlwpop op", 0);
	}
}

void *
rumpuser_curlwp(void)
{
	return rumpuser__curlwp;
}
