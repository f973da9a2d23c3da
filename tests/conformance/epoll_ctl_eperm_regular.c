/* epoll_ctl_eperm_regular -- regular files cannot be watched: EPERM. */
#include "conf.h"

int
main(void)
{
	struct epoll_event ev;
	int ep, fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	ep = CHECK_OK(epoll_create1(0));
	memset(&ev, 0, sizeof(ev));
	ev.events = EPOLLIN;
	CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev), EPERM);
	return 0;
}
