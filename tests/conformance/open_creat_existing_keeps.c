/* open_creat_existing_keeps -- O_CREAT on an existing file keeps its contents and mode. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[16];
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "keep");
	CHECK_OK(chmod("f", 0600));
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT, 0777));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_mode & 07777, 0600);
	CHECK_EQ(st.st_size, 4);
	CHECK_OK(close(fd));
	conf_get("f", buf, sizeof(buf));
	CHECK(strcmp(buf, "keep") == 0);
	return 0;
}
