/* pipe_read_zero_empty -- a zero-byte read of an empty blocking pipe returns 0 at once. */
#include "conf.h"

int
main(void)
{
	char c;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_EQ(read(p[0], &c, 0), 0);
	return 0;
}
