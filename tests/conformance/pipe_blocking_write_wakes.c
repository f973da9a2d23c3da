/* pipe_blocking_write_wakes -- a write blocked on a full pipe completes when another thread reads. */
#include "conf.h"

static int p[2];

static void *
reader(void *arg)
{
	static char buf[65536];
	struct timespec ts = {0, 50 * 1000 * 1000};
	long got = 0;
	ssize_t n;

	(void)arg;
	nanosleep(&ts, NULL);
	while (got < 65536 + 4096 && (n = read(p[0], buf, sizeof(buf))) > 0)
		got += n;
	return got == 65536 + 4096 ? NULL : (void *)1;
}

int
main(void)
{
	static char buf[65536 + 4096];
	pthread_t t;
	void *ret;

	CHECK_OK(pipe(p));
	CHECK_EQ(pthread_create(&t, NULL, reader, NULL), 0);
	CHECK_EQ(write(p[1], buf, sizeof(buf)), sizeof(buf));
	CHECK_EQ(pthread_join(t, &ret), 0);
	CHECK(ret == NULL);
	return 0;
}
