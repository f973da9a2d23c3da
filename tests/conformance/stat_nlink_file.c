/* stat_nlink_file -- a new file has one link. */
#include "conf.h"

int
main(void)
{
	struct stat st;

	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_OK(stat("f", &st));
	CHECK_EQ(st.st_nlink, 1);
	return 0;
}
