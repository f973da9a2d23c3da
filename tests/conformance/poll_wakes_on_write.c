/* poll_wakes_on_write -- a blocked poll returns when another thread writes the pipe. */
#include "conf.h"

static int p[2];

static void *
writer(void *arg)
{
	struct timespec ts = {0, 50 * 1000 * 1000};

	(void)arg;
	nanosleep(&ts, NULL);
	return write(p[1], "x", 1) == 1 ? NULL : (void *)1;
}

int
main(void)
{
	struct pollfd pfd;
	pthread_t t;

	CHECK_OK(pipe(p));
	CHECK_EQ(pthread_create(&t, NULL, writer, NULL), 0);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	CHECK_EQ(poll(&pfd, 1, 5000), 1);
	CHECK_EQ(pfd.revents, POLLIN);
	CHECK_EQ(pthread_join(t, NULL), 0);
	return 0;
}
