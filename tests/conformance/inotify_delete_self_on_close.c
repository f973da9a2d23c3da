/* inotify_delete_self_on_close -- a watched file unlinked while open hears IN_ATTRIB at once and IN_DELETE_SELF, IN_IGNORED only when its last descriptor closes. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf;
	ssize_t n;
	int fd, wd, f;

	conf_enter_tmpdir();
	conf_put("f", "x");
	f = CHECK_OK(open("f", O_RDONLY));
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, "f", IN_ATTRIB | IN_DELETE_SELF));
	CHECK_OK(unlink("f"));
	CHECK_EQ(read(fd, buf, sizeof(buf)), sizeof(*ev));
	CHECK_EQ(ev->wd, wd);
	CHECK_EQ(ev->mask, IN_ATTRIB);
	CHECK_ERR(read(fd, buf, sizeof(buf)), EAGAIN);
	CHECK_OK(close(f));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	CHECK_EQ(n, 2 * sizeof(*ev));
	CHECK_EQ(ev[0].mask, IN_DELETE_SELF);
	CHECK_EQ(ev[1].mask, IN_IGNORED);
	CHECK_EQ(ev[1].wd, wd);
	return 0;
}
