/* dir_getcwd_after_rename -- getcwd follows a rename of an ancestor of the cwd. */
#include "conf.h"

int
main(void)
{
	char top[PATH_MAX], cwd[PATH_MAX], want[PATH_MAX + 16];

	conf_enter_tmpdir();
	CHECK(getcwd(top, sizeof(top)) != NULL);
	CHECK_OK(mkdir("old", 0755));
	CHECK_OK(mkdir("old/sub", 0755));
	CHECK_OK(chdir("old/sub"));
	CHECK_OK(rename("../../old", "../../new"));
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	snprintf(want, sizeof(want), "%s/new/sub", top);
	CHECK(strcmp(cwd, want) == 0);
	return 0;
}
