/* fcntl_getfl_setfl_append -- F_SETFL can turn on O_APPEND; later writes go to the end. */
#include "conf.h"

int
main(void)
{
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "abc");
	fd = CHECK_OK(open("f", O_WRONLY));
	CHECK_EQ(fcntl(fd, F_GETFL) & O_APPEND, 0);
	CHECK_OK(fcntl(fd, F_SETFL, O_APPEND));
	CHECK(fcntl(fd, F_GETFL) & O_APPEND);
	CHECK_EQ(write(fd, "d", 1), 1);
	CHECK_OK(close(fd));
	conf_get("f", buf, sizeof(buf));
	CHECK(strcmp(buf, "abcd") == 0);
	return 0;
}
