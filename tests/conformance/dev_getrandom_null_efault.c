/* dev_getrandom_null_efault -- getrandom into NULL fails with EFAULT; a zero length returns 0. */
#include "conf.h"

int
main(void)
{
	void *volatile nullbuf = NULL;
	char c;

	CHECK_ERR(getrandom(nullbuf, 8, 0), EFAULT);
	CHECK_EQ(getrandom(&c, 0, 0), 0);
	return 0;
}
