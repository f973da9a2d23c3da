/* misc_sched_yield -- sched_yield returns 0. */
#include "conf.h"

int
main(void)
{
	int i;

	for (i = 0; i < 100; i++)
		CHECK_EQ(sched_yield(), 0);
	return 0;
}
