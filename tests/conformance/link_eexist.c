/* link_eexist -- link onto an existing name fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("a", "x");
	conf_put("b", "y");
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(link("a", "b"), EEXIST);
	CHECK_ERR(link("a", "d"), EEXIST);
	CHECK_ERR(link("a", "a"), EEXIST);
	return 0;
}
