/* rlimit_prlimit_esrch -- prlimit on a pid that does not exist fails with ESRCH. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	CHECK_ERR(prlimit(999999, RLIMIT_NOFILE, NULL, &rl), ESRCH);
	CHECK_OK(prlimit(getpid(), RLIMIT_NOFILE, NULL, &rl));
	return 0;
}
