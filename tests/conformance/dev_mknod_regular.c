/* dev_mknod_regular -- mknod with S_IFREG, or no type at all, creates an empty regular file. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mknod("a", S_IFREG | 0644, 0));
	CHECK_OK(stat("a", &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(st.st_size, 0);
	CHECK_OK(mknod("b", 0644, 0));
	CHECK_OK(stat("b", &st));
	CHECK(S_ISREG(st.st_mode));
	return 0;
}
