/* dir_getdents_rewind -- lseek(fd, 0, SEEK_SET) on a directory restarts the listing. */
#include "conf.h"

int
main(void)
{
	static char buf[4096];
	ssize_t first;
	int fd;

	conf_enter_tmpdir();
	conf_put("a", "x");
	fd = CHECK_OK(open(".", O_RDONLY | O_DIRECTORY));
	first = CHECK_OK(getdents64(fd, (void *)buf, sizeof(buf)));
	CHECK(first > 0);
	CHECK_EQ(getdents64(fd, (void *)buf, sizeof(buf)), 0);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(getdents64(fd, (void *)buf, sizeof(buf)), first);
	return 0;
}
