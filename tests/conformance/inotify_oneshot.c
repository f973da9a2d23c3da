/* inotify_oneshot -- an IN_ONESHOT watch reports one event, then IN_IGNORED, and is gone. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf, *ig;
	ssize_t n;
	int fd, wd;

	conf_enter_tmpdir();
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE | IN_ONESHOT));
	conf_put("one", "x");
	conf_put("two", "x");
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	CHECK_EQ(ev->wd, wd);
	CHECK_EQ(ev->mask, IN_CREATE);
	CHECK(strcmp(ev->name, "one") == 0);
	ig = (struct inotify_event *)(buf + sizeof(*ev) + ev->len);
	CHECK_EQ(n, (ssize_t)(2 * sizeof(*ev) + ev->len));
	CHECK_EQ(ig->wd, wd);
	CHECK_EQ(ig->mask, IN_IGNORED);
	CHECK_ERR(inotify_rm_watch(fd, wd), EINVAL);
	return 0;
}
