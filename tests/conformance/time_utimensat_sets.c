/* time_utimensat_sets -- utimensat sets atime and mtime to the nanosecond. */
#include "conf.h"

int
main(void)
{
	struct timespec ts[2] = {{1000000000, 123456789}, {1100000000, 987654321}};
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(utimensat(AT_FDCWD, "f", ts, 0));
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_atim.tv_sec, 1000000000);
	CHECK_EQ(st.st_atim.tv_nsec, 123456789);
	CHECK_EQ(st.st_mtim.tv_sec, 1100000000);
	CHECK_EQ(st.st_mtim.tv_nsec, 987654321);
	return 0;
}
