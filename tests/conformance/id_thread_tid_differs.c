/* id_thread_tid_differs -- a second thread shares the pid but has its own tid. */
#include "conf.h"

static pid_t tpid, ttid;

static void *
thread(void *arg)
{
	(void)arg;
	tpid = getpid();
	ttid = gettid();
	return NULL;
}

int
main(void)
{
	pthread_t t;

	CHECK_EQ(pthread_create(&t, NULL, thread, NULL), 0);
	CHECK_EQ(pthread_join(t, NULL), 0);
	CHECK_EQ(tpid, getpid());
	CHECK(ttid > 0);
	CHECK(ttid != gettid());
	return 0;
}
