/*
 * launch.c -- run.sh's launcher: closes every descriptor above 2 that
 * the caller's shell or CI left open, then runs the case, so a native
 * case starts with exactly 0, 1 and 2 open as a fresh process should.
 *
 * usage: launch PROGRAM
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

int
main(int argc, char **argv)
{
	struct rlimit rl;
	long fd, max = 1024;

	if (argc != 2) {
		fprintf(stderr, "usage: launch PROGRAM\n");
		return 2;
	}
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		max = (long)rl.rlim_cur;
	for (fd = 3; fd < max; fd++)
		close((int)fd);
	execl(argv[1], argv[1], (char *)NULL);
	fprintf(stderr, "launch: cannot run %s: %s\n", argv[1], strerror(errno));
	return 126;
}
