/* pipe_fifo_enxio -- opening a FIFO O_WRONLY|O_NONBLOCK with no reader fails with ENXIO. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	CHECK_OK(mknod("fifo", S_IFIFO | 0644, 0));
	CHECK_ERR(open("fifo", O_WRONLY | O_NONBLOCK), ENXIO);
	return 0;
}
