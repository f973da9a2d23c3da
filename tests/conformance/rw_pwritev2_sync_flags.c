/* rw_pwritev2_sync_flags -- RWF_DSYNC, RWF_SYNC and RWF_HIPRI writes and reads move the data as plain ones. */
#include "conf.h"

int
main(void)
{
	char a[6];
	struct iovec w = {"synced", 6}, r = {a, 6};
	int fd;

	conf_enter_tmpdir();
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0644));
	CHECK_EQ(pwritev2(fd, &w, 1, 0, RWF_DSYNC), 6);
	CHECK_EQ(pwritev2(fd, &w, 1, 6, RWF_SYNC | RWF_HIPRI), 6);
	CHECK_EQ(preadv2(fd, &r, 1, 6, RWF_HIPRI), 6);
	CHECK(memcmp(a, "synced", 6) == 0);
	CHECK_EQ(lseek(fd, 0, SEEK_END), 12);
	return 0;
}
