/* inotify_dir_child_events -- a directory watch hears mkdir (IN_CREATE|IN_ISDIR) and writes and closes of the files in it, with their names. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev;
	ssize_t n, off;
	int fd, wd, f, seen = 0;

	conf_enter_tmpdir();
	conf_put("file", "");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE));
	CHECK_OK(mkdir("sub", 0755));
	f = CHECK_OK(open("file", O_WRONLY));
	CHECK_EQ(write(f, "x", 1), 1);
	CHECK_OK(close(f));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	for (off = 0; off < n; off += sizeof(*ev) + ev->len) {
		ev = (struct inotify_event *)(buf + off);
		CHECK_EQ(ev->wd, wd);
		CHECK(ev->len > 0);
		switch (seen++) {
		case 0:
			CHECK_EQ(ev->mask, IN_CREATE | IN_ISDIR);
			CHECK(strcmp(ev->name, "sub") == 0);
			break;
		case 1:
			CHECK_EQ(ev->mask, IN_MODIFY);
			CHECK(strcmp(ev->name, "file") == 0);
			break;
		case 2:
			CHECK_EQ(ev->mask, IN_CLOSE_WRITE);
			CHECK(strcmp(ev->name, "file") == 0);
			break;
		default:
			CHECK(!"more events than expected");
		}
	}
	CHECK_EQ(seen, 3);
	return 0;
}
