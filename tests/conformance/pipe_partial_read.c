/* pipe_partial_read -- read returns what is there without waiting for the full count. */
#include "conf.h"

int
main(void)
{
	char buf[100];
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(write(p[1], "abc", 3), 3);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 3);
	return 0;
}
