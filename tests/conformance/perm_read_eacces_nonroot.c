/* perm_read_eacces_nonroot -- without read permission open(O_RDONLY) fails with EACCES. */
#include "conf.h"

int
main(void)
{
	conf_need_root();
	conf_enter_tmpdir();
	conf_put("f", "secret");
	CHECK_OK(chmod("f", 0200));
	CHECK_OK(chown("f", 65534, 65534));
	conf_drop_root();
	CHECK_ERR(open("f", O_RDONLY), EACCES);
	CHECK_ERR(open("f", O_RDWR), EACCES);
	return 0;
}
