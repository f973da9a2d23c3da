/* rename_replace_file -- rename over an existing file replaces it atomically. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[16];

	conf_enter_tmpdir();
	conf_put("a", "from a");
	conf_put("b", "from b");
	CHECK_OK(rename("a", "b"));
	CHECK_ERR(stat("a", &st), ENOENT);
	conf_get("b", buf, sizeof(buf));
	CHECK(strcmp(buf, "from a") == 0);
	return 0;
}
