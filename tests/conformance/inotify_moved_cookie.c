/* inotify_moved_cookie -- a rename in a watched directory gives IN_MOVED_FROM and IN_MOVED_TO with the names and one shared non-zero cookie. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *from, *to;
	ssize_t n;
	int fd, wd;

	conf_enter_tmpdir();
	conf_put("old", "x");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, ".", IN_MOVED_FROM | IN_MOVED_TO));
	CHECK_OK(rename("old", "new"));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	from = (struct inotify_event *)buf;
	CHECK(n >= (ssize_t)(2 * sizeof(*from)));
	CHECK_EQ(from->wd, wd);
	CHECK_EQ(from->mask, IN_MOVED_FROM);
	CHECK(strcmp(from->name, "old") == 0);
	to = (struct inotify_event *)(buf + sizeof(*from) + from->len);
	CHECK_EQ(n, (ssize_t)(2 * sizeof(*from) + from->len + to->len));
	CHECK_EQ(to->wd, wd);
	CHECK_EQ(to->mask, IN_MOVED_TO);
	CHECK(strcmp(to->name, "new") == 0);
	CHECK(from->cookie != 0);
	CHECK_EQ(from->cookie, to->cookie);
	return 0;
}
