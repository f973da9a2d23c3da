/* pipe_fifo_mknod -- a FIFO made with mknod passes data between two opens. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	int r, w;

	conf_enter_tmpdir();
	CHECK_OK(mknod("fifo", S_IFIFO | 0644, 0));
	r = CHECK_OK(open("fifo", O_RDONLY | O_NONBLOCK));
	w = CHECK_OK(open("fifo", O_WRONLY | O_NONBLOCK));
	CHECK_EQ(write(w, "fifo", 4), 4);
	CHECK_EQ(read(r, buf, sizeof(buf)), 4);
	CHECK(memcmp(buf, "fifo", 4) == 0);
	return 0;
}
