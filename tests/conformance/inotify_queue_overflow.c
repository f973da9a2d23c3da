/* inotify_queue_overflow -- when max_queued_events events wait unread, one IN_Q_OVERFLOW (wd -1) ends the queue and later events are dropped. */
#include "conf.h"

int
main(void)
{
	char buf[65536] __attribute__((aligned(8)));
	struct inotify_event *ev;
	long max = 16384, i, count = 0;
	ssize_t n, off;
	int fd, f, overflows = 0;
	char c;

	/* Linux's limit is a sysctl (16384 unless changed). */
	if (CONF_NATIVE) {
		char num[32];
		int p = open("/proc/sys/fs/inotify/max_queued_events", O_RDONLY);
		if (p >= 0) {
			n = read(p, num, sizeof(num) - 1);
			max = 0;
			for (off = 0; off < n && num[off] >= '0' && num[off] <= '9'; off++)
				max = max * 10 + (num[off] - '0');
			close(p);
		}
		if (max <= 0 || max > 65536)
			conf_skip("max_queued_events too large for this test");
	}
	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	CHECK_OK(inotify_add_watch(fd, "f", IN_ACCESS | IN_MODIFY));
	f = CHECK_OK(open("f", O_RDWR));
	/* Alternate two kinds so no two neighbours merge. */
	for (i = 0; i < max + 10; i++) {
		if (i % 2 == 0)
			CHECK_EQ(pwrite(f, "y", 1, 0), 1);
		else
			CHECK_EQ(pread(f, &c, 1, 0), 1);
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n; off += sizeof(*ev) + ev->len) {
			ev = (struct inotify_event *)(buf + off);
			if (ev->mask & IN_Q_OVERFLOW) {
				CHECK_EQ(ev->wd, -1);
				overflows++;
			} else {
				CHECK(overflows == 0);
				count++;
			}
		}
	}
	CHECK_EQ(errno, EAGAIN);
	CHECK_EQ(count, max);
	CHECK_EQ(overflows, 1);
	return 0;
}
