/* inotify_read_small_einval -- read with a buffer too small for the next event fails with EINVAL; FIONREAD tells the bytes queued; names are NUL-padded to 16-byte multiples. */
#include "conf.h"

int
main(void)
{
	char buf[4096] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf;
	int fd, n = -1;

	conf_enter_tmpdir();
	fd = CHECK_OK(inotify_init1(IN_NONBLOCK));
	CHECK_OK(ioctl(fd, FIONREAD, &n));
	CHECK_EQ(n, 0);
	CHECK_OK(inotify_add_watch(fd, ".", IN_CREATE));
	conf_put("seventeen_chars_x", "x");
	CHECK_OK(ioctl(fd, FIONREAD, &n));
	/* 17 bytes and a NUL round up to 32. */
	CHECK_EQ(n, sizeof(*ev) + 32);
	CHECK_ERR(read(fd, buf, sizeof(*ev)), EINVAL);
	CHECK_ERR(read(fd, buf, sizeof(*ev) + 31), EINVAL);
	CHECK_EQ(read(fd, buf, sizeof(*ev) + 32), sizeof(*ev) + 32);
	CHECK_EQ(ev->len, 32);
	CHECK(strcmp(ev->name, "seventeen_chars_x") == 0);
	for (int i = 17; i < 32; i++)
		CHECK_EQ(ev->name[i], 0);
	return 0;
}
