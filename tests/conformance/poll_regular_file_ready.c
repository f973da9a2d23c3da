/* poll_regular_file_ready -- a regular file always polls readable and writable. */
#include "conf.h"

int
main(void)
{
	struct pollfd pfd;

	conf_enter_tmpdir();
	conf_put("f", "");
	pfd.fd = CHECK_OK(open("f", O_RDWR));
	pfd.events = POLLIN | POLLOUT;
	CHECK_EQ(poll(&pfd, 1, 0), 1);
	CHECK_EQ(pfd.revents & (POLLIN | POLLOUT), POLLIN | POLLOUT);
	return 0;
}
