/* id_getsid_getpgrp -- the process has a session and a process group; an unknown pid is ESRCH. */
#include "conf.h"

/*
 * A rump kernel's first process leads its own session.  On a Linux host
 * the test may run in a pid namespace whose session leader lives outside
 * it (containers, CI runners); the kernel then reports session 0.
 */
#ifdef CONF_RUMP
#define SESSION_MIN 1
#else
#define SESSION_MIN 0
#endif

int
main(void)
{
	CHECK(getpgrp() >= SESSION_MIN);
	CHECK(getsid(0) >= SESSION_MIN);
	CHECK_EQ(getsid(getpid()), getsid(0));
	CHECK_ERR(getsid(999999), ESRCH);
	return 0;
}
