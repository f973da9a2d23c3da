/* misc_sysinfo -- sysinfo reports uptime and memory with a positive unit. */
#include "conf.h"

int
main(void)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	CHECK_OK(sysinfo(&si));
	CHECK((long)si.uptime >= 0);
	CHECK(si.totalram > 0);
	CHECK(si.freeram <= si.totalram);
	CHECK(si.mem_unit > 0);
	CHECK(si.procs > 0);
	return 0;
}
