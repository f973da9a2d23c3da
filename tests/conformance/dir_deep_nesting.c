/* dir_deep_nesting -- 100 nested directories: paths through them resolve and getcwd reports the depth. */
#include "conf.h"

int
main(void)
{
	char top[PATH_MAX], cwd[PATH_MAX];
	static char up[400];
	struct stat a, b;
	int i;

	conf_enter_tmpdir();
	CHECK(getcwd(top, sizeof(top)) != NULL);
	for (i = 0; i < 100; i++) {
		CHECK_OK(mkdir("d", 0755));
		CHECK_OK(chdir("d"));
	}
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	CHECK_EQ(strlen(cwd), strlen(top) + 200);
	for (i = 0; i < 100; i++)
		strcat(up, "../");
	CHECK_OK(stat(up, &a));
	CHECK_OK(stat(top, &b));
	CHECK_EQ(a.st_ino, b.st_ino);
	return 0;
}
