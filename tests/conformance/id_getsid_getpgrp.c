/* id_getsid_getpgrp -- the process has a session and a process group; an unknown pid is ESRCH. */
#include "conf.h"

int
main(void)
{
	CHECK(getpgrp() > 0);
	CHECK(getsid(0) > 0);
	CHECK_EQ(getsid(getpid()), getsid(0));
	CHECK_ERR(getsid(999999), ESRCH);
	return 0;
}
