/* select_einval_nfds -- a negative nfds fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {0, 0};

	CHECK_ERR(select(-1, NULL, NULL, NULL, &tv), EINVAL);
	return 0;
}
