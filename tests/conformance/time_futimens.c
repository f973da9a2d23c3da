/* time_futimens -- futimens sets times through a descriptor. */
#include "conf.h"

int
main(void)
{
	struct timespec ts[2] = {{5000, 0}, {6000, 0}};
	struct stat st;
	int fd;

	conf_enter_tmpdir();
	conf_put("f", "x");
	fd = CHECK_OK(open("f", O_RDONLY));
	CHECK_OK(futimens(fd, ts));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_atim.tv_sec, 5000);
	CHECK_EQ(st.st_mtim.tv_sec, 6000);
	return 0;
}
