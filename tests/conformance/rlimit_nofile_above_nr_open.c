/* rlimit_nofile_above_nr_open -- RLIMIT_NOFILE cannot exceed the system maximum (nr_open): EPERM. */
#include "conf.h"

int
main(void)
{
	struct rlimit rl;

	rl.rlim_cur = RLIM_INFINITY;
	rl.rlim_max = RLIM_INFINITY;
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &rl), EPERM);
	return 0;
}
