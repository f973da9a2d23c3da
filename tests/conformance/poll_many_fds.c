/* poll_many_fds -- poll over 200 pipes reports exactly the ones with data. */
#include "conf.h"

#define NP 200

int
main(void)
{
	static struct pollfd pfd[NP];
	static int p[NP][2];
	int i, ready = 0;

	for (i = 0; i < NP; i++) {
		CHECK_OK(pipe(p[i]));
		pfd[i].fd = p[i][0];
		pfd[i].events = POLLIN;
	}
	for (i = 0; i < NP; i += 7)
		CHECK_EQ(write(p[i][1], "x", 1), 1);
	CHECK_EQ(poll(pfd, NP, 1000), (NP + 6) / 7);
	for (i = 0; i < NP; i++) {
		if (pfd[i].revents != 0)
			ready++;
		CHECK_EQ(pfd[i].revents, i % 7 == 0 ? POLLIN : 0);
	}
	CHECK_EQ(ready, (NP + 6) / 7);
	return 0;
}
