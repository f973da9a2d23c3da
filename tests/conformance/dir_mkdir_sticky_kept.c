/* dir_mkdir_sticky_kept -- mkdir keeps the sticky bit of its mode argument. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	umask(0);
	CHECK_OK(mkdir("t", 01777));
	CHECK_OK(stat("t", &st));
	CHECK_EQ(st.st_mode & 07777, 01777);
	return 0;
}
