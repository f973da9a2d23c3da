/* dir_mkdir_mode -- a new directory gets mode & ~umask and S_IFDIR. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	umask(022);
	CHECK_OK(mkdir("d", 0777));
	CHECK_OK(stat("d", &st));
	CHECK(S_ISDIR(st.st_mode));
	CHECK_EQ(st.st_mode & 07777, 0755);
	umask(0);
	CHECK_OK(mkdir("e", 0710));
	CHECK_OK(stat("e", &st));
	CHECK_EQ(st.st_mode & 07777, 0710);
	return 0;
}
