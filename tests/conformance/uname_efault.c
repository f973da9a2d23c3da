/* uname_efault -- uname into a NULL buffer fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	struct utsname *volatile nullu = NULL;

	CHECK_ERR(uname(nullu), EFAULT);
	return 0;
}
