/* time_times_basic -- times() succeeds and reports non-negative CPU times. */
#include "conf.h"

int
main(void)
{
	struct tms t;

	memset(&t, 0xff, sizeof(t));
	CHECK(times(&t) != (clock_t)-1);
	CHECK(t.tms_utime >= 0);
	CHECK(t.tms_stime >= 0);
	CHECK(t.tms_cutime >= 0);
	CHECK(t.tms_cstime >= 0);
	return 0;
}
