/* inotify_blocking_read_wakes -- a blocking read of an inotify descriptor returns once another thread makes an event. */
#include "conf.h"

static void *
creator(void *arg)
{
	int f = open("made", O_WRONLY | O_CREAT, 0644);

	(void)arg;
	if (f < 0)
		return (void *)1;
	close(f);
	return NULL;
}

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf;
	pthread_t t;
	void *ret;
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(inotify_init1(0));
	CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE));
	CHECK_EQ(pthread_create(&t, NULL, creator, NULL), 0);
	CHECK(read(fd, buf, sizeof(buf)) >= (ssize_t)sizeof(*ev));
	CHECK_EQ(ev->mask, IN_CREATE);
	CHECK(strcmp(ev->name, "made") == 0);
	CHECK_EQ(pthread_join(t, &ret), 0);
	CHECK(ret == NULL);
	return 0;
}
