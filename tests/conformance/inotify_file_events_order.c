/* inotify_file_events_order -- open, write and close of a watched file give IN_OPEN, IN_MODIFY, IN_CLOSE_WRITE in order; a read-only open gives IN_ACCESS and IN_CLOSE_NOWRITE. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8))), c;
	struct inotify_event *ev;
	uint32_t want[] = { IN_OPEN, IN_MODIFY, IN_CLOSE_WRITE, IN_OPEN,
		IN_ACCESS, IN_CLOSE_NOWRITE };
	ssize_t n, off;
	int fd, wd, f, i = 0;

	conf_enter_tmpdir();
	conf_put("f", "");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, "f", IN_ALL_EVENTS));
	f = CHECK_OK(open("f", O_WRONLY));
	CHECK_EQ(write(f, "ab", 2), 2);
	CHECK_OK(close(f));
	f = CHECK_OK(open("f", O_RDONLY));
	CHECK_EQ(read(f, &c, 1), 1);
	CHECK_OK(close(f));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	for (off = 0; off < n; off += sizeof(*ev) + ev->len) {
		ev = (struct inotify_event *)(buf + off);
		CHECK_EQ(ev->wd, wd);
		CHECK(i < 6);
		CHECK_EQ(ev->mask, want[i]);
		i++;
	}
	CHECK_EQ(i, 6);
	return 0;
}
