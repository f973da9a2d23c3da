/*
 * rump-hello.c -- the hosted demo: boots a rump kernel inside this
 * ordinary Linux process, creates a process in it, and shows what the
 * kernel is running with.  Build: cc rump-hello.c $(pkg-config --cflags
 * --libs rump)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rump/rump.h>

int
main(void)
{
	int error = rump_init();

	if (error != 0) {
		fprintf(stderr, "rump-hello: rump_init: %s\n", strerror(error));
		return 1;
	}
	printf("rump kernel version %d.%02d booted inside process %d\n",
	    rump_getversion() / 100, rump_getversion() % 100, (int)getpid());
	error = rump_lwproc_newproc();
	if (error != 0) {
		fprintf(stderr, "rump-hello: newproc: %s\n", strerror(error));
		return 1;
	}
	printf("now running as pid %d of the rump kernel\n",
	    rump_lwproc_getpid(rump_lwproc_curlwp()));
	rump_lwproc_releaselwp();
	printf("RUMP_NCPU=%s RUMP_MEMLIMIT=%s\n",
	    getenv("RUMP_NCPU") ? getenv("RUMP_NCPU") : "(default 2)",
	    getenv("RUMP_MEMLIMIT") ? getenv("RUMP_MEMLIMIT") : "(none)");
	return 0;
}
