/* chmod_dir_mode -- chmod on a directory keeps S_IFDIR and sets the sticky bit. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(chmod("d", 01700));
	CHECK_OK(stat("d", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(st.st_mode & 07777, 01700);
	return 0;
}
