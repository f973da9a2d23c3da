/* pipe_fstat_fifo -- both ends of a pipe fstat as S_IFIFO, with the access modes of the ends. */
#include "conf.h"

int
main(void)
{
	struct stat st;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(fstat(p[0], &st));
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_OK(fstat(p[1], &st));
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
	CHECK_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
	return 0;
}
