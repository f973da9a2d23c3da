/* dir_getcwd_erange -- getcwd into a buffer too small fails with ERANGE. */
#include "conf.h"

int
main(void)
{
	char buf[4];

	conf_enter_tmpdir();
	errno = 0;
	CHECK(getcwd(buf, sizeof(buf)) == NULL);
	CHECK_EQ(errno, ERANGE);
	return 0;
}
