/* symlink_relative_to_link -- a relative target resolves from the link's directory, not the cwd. */
#include "conf.h"

int
main(void)
{
	char buf[16];

	conf_enter_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	conf_put("d/t", "in d");
	conf_put("t", "in cwd");
	CHECK_OK(symlink("t", "d/l"));
	conf_get("d/l", buf, sizeof(buf));
	CHECK(strcmp(buf, "in d") == 0);
	return 0;
}
