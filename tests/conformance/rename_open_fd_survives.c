/* rename_open_fd_survives -- an open descriptor keeps working after its file is renamed. */
#include "conf.h"

int
main(void)
{
	char buf[8];
	int fd;

	conf_enter_tmpdir();
	conf_put("a", "abc");
	fd = CHECK_OK(open("a", O_RDWR));
	CHECK_OK(rename("a", "b"));
	CHECK_EQ(write(fd, "XY", 2), 2);
	CHECK_OK(close(fd));
	conf_get("b", buf, sizeof(buf));
	CHECK(strcmp(buf, "XYc") == 0);
	return 0;
}
