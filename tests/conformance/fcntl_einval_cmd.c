/* fcntl_einval_cmd -- an unknown fcntl command fails with EINVAL. */
#include "conf.h"

int
main(void)
{
	CHECK_ERR(fcntl(0, 12345, 0), EINVAL);
	return 0;
}
