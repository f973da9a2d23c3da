/* inotify_poll_coalesce -- poll sees an inotify descriptor readable once an event is queued; identical consecutive events are merged into one. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct pollfd p;
	int fd, f;

	conf_enter_tmpdir();
	conf_put("f", "");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	CHECK_OK(inotify_add_watch(fd, "f", IN_MODIFY));
	p.fd = fd;
	p.events = POLLIN;
	CHECK_EQ(poll(&p, 1, 0), 0);
	f = CHECK_OK(open("f", O_WRONLY));
	CHECK_EQ(write(f, "a", 1), 1);
	CHECK_EQ(write(f, "b", 1), 1);
	CHECK_EQ(write(f, "c", 1), 1);
	CHECK_EQ(poll(&p, 1, 0), 1);
	CHECK_EQ(p.revents, POLLIN);
	CHECK_EQ(read(fd, buf, sizeof(buf)), sizeof(struct inotify_event));
	CHECK_EQ(poll(&p, 1, 0), 0);
	CHECK_OK(close(f));
	return 0;
}
