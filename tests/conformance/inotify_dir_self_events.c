/* inotify_dir_self_events -- a watched directory hears IN_MOVE_SELF when renamed and IN_DELETE_SELF, IN_IGNORED when removed; its parent hears IN_MOVED_FROM/TO and IN_DELETE with IN_ISDIR. */
#include "conf.h"

/* Read all events of fd into masks[] (at most max); returns the count. */
static int
events(int fd, uint32_t *masks, int max, char names[][16])
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev;
	ssize_t n, off;
	int i = 0;

	n = read(fd, buf, sizeof(buf));
	if (n < 0)
		return 0;
	for (off = 0; off < n; off += sizeof(*ev) + ev->len) {
		ev = (struct inotify_event *)(buf + off);
		if (i < max) {
			masks[i] = ev->mask;
			snprintf(names[i], 16, "%s", ev->len ? ev->name : "");
		}
		i++;
	}
	return i;
}

int
main(void)
{
	uint32_t m[8];
	char names[8][16];
	int self, parent;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	self = CHECK_OK(inotify_init1(IN_NONBLOCK));
	parent = CHECK_OK(inotify_init1(IN_NONBLOCK));
	CHECK_OK(inotify_add_watch(self, "d", IN_MOVE_SELF | IN_DELETE_SELF));
	CHECK_OK(inotify_add_watch(parent, ".", IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE));
	CHECK_OK(rename("d", "e"));
	CHECK_EQ(events(self, m, 8, names), 1);
	CHECK_EQ(m[0], IN_MOVE_SELF);
	CHECK_EQ(events(parent, m, 8, names), 2);
	CHECK_EQ(m[0], IN_MOVED_FROM | IN_ISDIR);
	CHECK(strcmp(names[0], "d") == 0);
	CHECK_EQ(m[1], IN_MOVED_TO | IN_ISDIR);
	CHECK(strcmp(names[1], "e") == 0);
	CHECK_OK(rmdir("e"));
	CHECK_EQ(events(self, m, 8, names), 2);
	CHECK_EQ(m[0], IN_DELETE_SELF);
	CHECK_EQ(m[1], IN_IGNORED);
	CHECK_EQ(events(parent, m, 8, names), 1);
	CHECK_EQ(m[0], IN_DELETE | IN_ISDIR);
	CHECK(strcmp(names[0], "e") == 0);
	return 0;
}
