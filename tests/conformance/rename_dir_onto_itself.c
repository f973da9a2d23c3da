/* rename_dir_onto_itself -- renaming a directory to its own name succeeds and changes nothing. */
#include "conf.h"

int
main(void)
{
	struct stat a, b;

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "x");
	CHECK_OK(stat("d", &a));
	CHECK_OK(rename("d", "d"));
	CHECK_OK(stat("d", &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	CHECK_OK(access("d/f", F_OK));
	return 0;
}
