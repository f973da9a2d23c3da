/* inotify_rm_watch_ignored -- inotify_rm_watch queues IN_IGNORED for the wd; a second removal fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct inotify_event ev;
	int fd, wd;

	conf_enter_tmpdir();
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE));
	CHECK_OK(inotify_rm_watch(fd, wd));
	CHECK_EQ(read(fd, &ev, sizeof(ev)), sizeof(ev));
	CHECK_EQ(ev.wd, wd);
	CHECK_EQ(ev.mask, IN_IGNORED);
	CHECK_EQ(ev.cookie, 0);
	CHECK_EQ(ev.len, 0);
	CHECK_ERR(inotify_rm_watch(fd, wd), EINVAL);
	/* No more events from the removed watch. */
	conf_put("f", "x");
	CHECK_ERR(read(fd, &ev, sizeof(ev)), EAGAIN);
	return 0;
}
