/* open_creat_excl_eexist -- O_CREAT|O_EXCL on an existing file fails with EEXIST. */
#include "conf.h"

int
main(void)
{
	conf_enter_tmpdir();
	conf_put("f", "x");
	CHECK_ERR(open("f", O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST);
	return 0;
}
