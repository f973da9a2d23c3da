/* eventfd_blocking_read_wakes -- a read blocked on a zero counter wakes when another thread writes. */
#include "conf.h"

static int efd;

static void *
poster(void *arg)
{
	struct timespec ts = {0, 50 * 1000 * 1000};
	uint64_t v = 9;

	(void)arg;
	nanosleep(&ts, NULL);
	return write(efd, &v, sizeof(v)) == 8 ? NULL : (void *)1;
}

int
main(void)
{
	pthread_t t;
	uint64_t v;

	efd = CHECK_OK(eventfd(0, 0));
	CHECK_EQ(pthread_create(&t, NULL, poster, NULL), 0);
	CHECK_EQ(read(efd, &v, sizeof(v)), 8);
	CHECK_EQ(v, 9);
	CHECK_EQ(pthread_join(t, NULL), 0);
	return 0;
}
