/* poll_null_efault -- poll with nfds > 0 and a NULL array fails with EFAULT. */
#include "conf.h"

int
main(void)
{
	struct pollfd *volatile nullfds = NULL;

	CHECK_ERR(poll(nullfds, 1, 0), EFAULT);
	return 0;
}
