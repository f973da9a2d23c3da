/* id_kill_errors -- kill(pid, 0) probes a process: 0 for itself, ESRCH for none, EINVAL for a bad signal. */
#include "conf.h"

int
main(void)
{
	CHECK_OK(kill(getpid(), 0));
	CHECK_ERR(kill(999999, 0), ESRCH);
	CHECK_ERR(kill(getpid(), 999), EINVAL);
	return 0;
}
