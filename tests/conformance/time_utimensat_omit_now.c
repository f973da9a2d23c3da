/* time_utimensat_omit_now -- UTIME_OMIT keeps a time, UTIME_NOW and NULL set the current time. */
#include "conf.h"

int
main(void)
{
	struct timespec old[2] = {{1000, 0}, {2000, 0}};
	struct timespec ts[2] = {{0, UTIME_NOW}, {0, UTIME_OMIT}};
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(utimensat(AT_FDCWD, "f", old, 0));
	CHECK_OK(utimensat(AT_FDCWD, "f", ts, 0));
	CHECK_OK(stat("f", &st));
	CHECK(st.st_atim.tv_sec > 1577836800);
	CHECK_EQ(st.st_mtim.tv_sec, 2000);
	CHECK_OK(utimensat(AT_FDCWD, "f", NULL, 0));
	CHECK_OK(stat("f", &st));
	CHECK(st.st_mtim.tv_sec > 1577836800);
	return 0;
}
