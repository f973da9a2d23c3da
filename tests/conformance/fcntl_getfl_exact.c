/* fcntl_getfl_exact -- F_GETFL returns exactly the access mode, O_APPEND/O_NONBLOCK and (x86_64) O_LARGEFILE for files. */
#include "conf.h"

/* The kernel's O_LARGEFILE on x86_64; libc defines O_LARGEFILE as 0 there. */
#define K_O_LARGEFILE 0100000

int
main(void)
{
	int fd, p[2];

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDWR | O_APPEND | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
	CHECK_EQ(fcntl(fd, F_GETFL), O_RDWR | O_APPEND | K_O_LARGEFILE);
	CHECK_OK(pipe2(p, O_NONBLOCK));
	CHECK_EQ(fcntl(p[0], F_GETFL), O_RDONLY | O_NONBLOCK);
	CHECK_EQ(fcntl(p[1], F_GETFL), O_WRONLY | O_NONBLOCK);
	return 0;
}
