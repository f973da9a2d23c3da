/* dir_mkdir_trailing_slash -- mkdir and rmdir accept a trailing slash. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d/", 0755));
	CHECK_OK(stat("d", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_OK(rmdir("d/"));
	CHECK_ERR(stat("d", &st), ENOENT);
	return 0;
}
