/* unlink_name_reusable -- after unlink the name can be created again as a new file. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "old");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(unlink("f"));
	CHECK_OK(close(fd));
	fd = CHECK_OK(open("f", O_RDWR | O_CREAT | O_EXCL, 0644));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 0);
	return 0;
}
