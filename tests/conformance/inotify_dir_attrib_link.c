/* inotify_dir_attrib_link -- a directory watch hears chmod of a file in it as IN_ATTRIB with its name, and link as IN_CREATE only (the link count change goes to the file's own watches). */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf;
	ssize_t n;
	int fd, dwd, fwd, ffd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	ffd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	dwd = CHECK_OK(inotify_add_watch(fd, ".", IN_ATTRIB | IN_CREATE));
	fwd = CHECK_OK(inotify_add_watch(ffd, "f", IN_ATTRIB));
	CHECK_OK(chmod("f", 0600));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	CHECK_EQ(n, (ssize_t)sizeof(*ev) + ev->len);
	CHECK_EQ(ev->wd, dwd);
	CHECK_EQ(ev->mask, IN_ATTRIB);
	CHECK(strcmp(ev->name, "f") == 0);
	CHECK_EQ(read(ffd, buf, sizeof(buf)), sizeof(*ev));
	CHECK_EQ(ev->wd, fwd);
	CHECK_EQ(ev->mask, IN_ATTRIB);
	CHECK_OK(link("f", "g"));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	CHECK_EQ(n, (ssize_t)sizeof(*ev) + ev->len);
	CHECK_EQ(ev->mask, IN_CREATE);
	CHECK(strcmp(ev->name, "g") == 0);
	n = CHECK_OK(read(ffd, buf, sizeof(buf)));
	CHECK_EQ(n, sizeof(*ev));
	CHECK_EQ(ev->mask, IN_ATTRIB);
	return 0;
}
