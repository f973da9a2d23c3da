/* epoll_wakes_on_write -- a blocked epoll_wait returns when another thread writes. */
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
	struct epoll_event ev, out[1];
	pthread_t t;
	int ep;

	CHECK_OK(pipe(p));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	CHECK_EQ(pthread_create(&t, NULL, writer, NULL), 0);
	CHECK_EQ(epoll_wait(ep, out, 1, 5000), 1);
	CHECK_EQ(pthread_join(t, NULL), 0);
	return 0;
}
