/* misc_prctl_name -- PR_SET_NAME sets the thread name (truncated to 15 bytes); PR_GET_NAME reads it. */
#include "conf.h"

int
main(void)
{
	char name[16];

	CHECK_OK(prctl(PR_SET_NAME, (unsigned long)"conformance-test-name", 0, 0, 0));
	memset(name, 'x', sizeof(name));
	CHECK_OK(prctl(PR_GET_NAME, (unsigned long)name, 0, 0, 0));
	CHECK(strcmp(name, "conformance-tes") == 0);
	CHECK_ERR(prctl(12345, 0, 0, 0, 0), EINVAL);
	return 0;
}
