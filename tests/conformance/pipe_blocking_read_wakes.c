/* pipe_blocking_read_wakes -- a read blocked on an empty pipe wakes when another thread writes. */
#include "conf.h"

static int p[2];

static void *
writer(void *arg)
{
	struct timespec ts = {0, 50 * 1000 * 1000};

	(void)arg;
	nanosleep(&ts, NULL);
	if (write(p[1], "w", 1) != 1)
		return (void *)1;
	return NULL;
}

int
main(void)
{
	pthread_t t;
	long long t0;
	char c;

	CHECK_OK(pipe(p));
	t0 = conf_now_ns();
	CHECK_EQ(pthread_create(&t, NULL, writer, NULL), 0);
	CHECK_EQ(read(p[0], &c, 1), 1);
	CHECK_EQ(c, 'w');
	CHECK(conf_now_ns() - t0 >= 50 * 1000 * 1000);
	CHECK_EQ(pthread_join(t, NULL), 0);
	return 0;
}
