/* rename_over_hardlink_nlink -- replacing one name of a two-link file leaves the other with one link. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	char buf[8];

	conf_enter_tmpdir();
	conf_put("old", "old");
	CHECK_OK(link("old", "keep"));
	conf_put("new", "new");
	CHECK_OK(rename("new", "old"));
	CHECK_OK(stat("keep", &st));
	CHECK_EQ(st.st_nlink, 1);
	conf_get("keep", buf, sizeof(buf));
	CHECK(strcmp(buf, "old") == 0);
	conf_get("old", buf, sizeof(buf));
	CHECK(strcmp(buf, "new") == 0);
	return 0;
}
