/* symlink_dir_traverse -- symlinks to directories work as path components, absolute or relative. */
#include "conf.h"

int
main(void)
{
	char cwd[PATH_MAX], abs[PATH_MAX + 8], buf[16];

	conf_enter_tmpdir();
	CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/f", "yes");
	CHECK_OK(symlink("d", "rel"));
	snprintf(abs, sizeof(abs), "%s/d", cwd);
	CHECK_OK(symlink(abs, "abs"));
	CHECK_OK(symlink("../d", "d/up"));
	conf_get("rel/f", buf, sizeof(buf));
	CHECK(strcmp(buf, "yes") == 0);
	conf_get("abs/f", buf, sizeof(buf));
	CHECK(strcmp(buf, "yes") == 0);
	conf_get("d/up/up/f", buf, sizeof(buf));
	CHECK(strcmp(buf, "yes") == 0);
	return 0;
}
