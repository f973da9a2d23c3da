/* select_einval_timeout -- a negative timeout fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	struct timeval tv = {-1, 0};

	CHECK_ERR(select(0, NULL, NULL, NULL, &tv), EINVAL);
	return 0;
}
