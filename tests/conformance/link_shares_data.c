/* link_shares_data -- a write through one name is seen through the other. */
#include "conf.h"

int
main(void)
{
	char buf[16];

	conf_enter_tmpdir();
	conf_put("a", "old");
	CHECK_OK(link("a", "b"));
	conf_put("b", "new!");
	conf_get("a", buf, sizeof(buf));
	CHECK(strcmp(buf, "new!") == 0);
	return 0;
}
