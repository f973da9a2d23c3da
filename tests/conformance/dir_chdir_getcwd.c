/* dir_chdir_getcwd -- chdir changes where relative paths start; getcwd reports it. */
#include "conf.h"

int
main(void)
{
	char top[PATH_MAX], cwd[PATH_MAX], want[PATH_MAX + 8];

	conf_enter_tmpdir();
	CHECK(getcwd(top, sizeof(top)) != NULL);
	CHECK(top[0] == '/');
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(chdir("d"));
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	snprintf(want, sizeof(want), "%s/d", top);
	CHECK(strcmp(cwd, want) == 0);
	conf_put("f", "x");
	CHECK_OK(chdir(".."));
	CHECK_OK(access("d/f", F_OK));
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	CHECK(strcmp(cwd, top) == 0);
	return 0;
}
