/* misc_inotify_create -- an inotify watch reports IN_CREATE with the new name. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev;
	int fd, wd;

	conf_enter_tmpdir();
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE));
	CHECK_ERR(read(fd, buf, sizeof(buf)), EAGAIN);
	conf_put("newfile", "x");
	CHECK(read(fd, buf, sizeof(buf)) >= (ssize_t)sizeof(*ev));
	ev = (struct inotify_event *)buf;
	CHECK_EQ(ev->wd, wd);
	CHECK(ev->mask & IN_CREATE);
	CHECK(strcmp(ev->name, "newfile") == 0);
	return 0;
}
