/* id_getpid_stable -- getpid is positive and constant; the main thread's tid is the pid. */
#include "conf.h"

int
main(void)
{
	pid_t pid;

	pid = getpid();
	CHECK(pid > 0);
	CHECK_EQ(getpid(), pid);
	CHECK_EQ(gettid(), pid);
	CHECK(getppid() >= 0);
	return 0;
}
