/* inotify_epoll_select -- epoll and select report an inotify descriptor readable exactly while events are queued. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct epoll_event ev = { .events = EPOLLIN }, out;
	struct timeval tv = { 0, 0 };
	fd_set rd;
	int fd, ep;

	conf_enter_tmpdir();
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE));
	ep = CHECK_OK(epoll_create1(0));
	ev.data.fd = fd;
	CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	CHECK_EQ(epoll_wait(ep, &out, 1, 0), 0);
	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	CHECK_EQ(select(fd + 1, &rd, NULL, NULL, &tv), 0);
	conf_put("f", "x");
	CHECK_EQ(epoll_wait(ep, &out, 1, 0), 1);
	CHECK_EQ(out.data.fd, fd);
	CHECK_EQ(out.events, EPOLLIN);
	FD_ZERO(&rd);
	FD_SET(fd, &rd);
	tv.tv_sec = 0;
	tv.tv_usec = 0;
	CHECK_EQ(select(fd + 1, &rd, NULL, NULL, &tv), 1);
	CHECK(FD_ISSET(fd, &rd));
	CHECK_OK(read(fd, buf, sizeof(buf)));
	CHECK_EQ(epoll_wait(ep, &out, 1, 0), 0);
	return 0;
}
