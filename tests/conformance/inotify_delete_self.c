/* inotify_delete_self -- unlinking a watched file gives IN_ATTRIB, IN_DELETE_SELF, then IN_IGNORED; the wd is gone after. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev;
	uint32_t masks[3];
	ssize_t n, off;
	int fd, wd, i = 0;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	wd = CHECK_OK(inotify_add_watch(fd, "f", IN_ATTRIB | IN_DELETE_SELF));
	CHECK_OK(unlink("f"));
	n = CHECK_OK(read(fd, buf, sizeof(buf)));
	for (off = 0; off < n; off += sizeof(*ev) + ev->len) {
		ev = (struct inotify_event *)(buf + off);
		CHECK_EQ(ev->wd, wd);
		CHECK_EQ(ev->len, 0);
		CHECK(i < 3);
		masks[i++] = ev->mask;
	}
	CHECK_EQ(i, 3);
	CHECK_EQ(masks[0], IN_ATTRIB);
	CHECK_EQ(masks[1], IN_DELETE_SELF);
	CHECK_EQ(masks[2], IN_IGNORED);
	CHECK_ERR(inotify_rm_watch(fd, wd), EINVAL);
	CHECK_ERR(read(fd, buf, sizeof(buf)), EAGAIN);
	return 0;
}
