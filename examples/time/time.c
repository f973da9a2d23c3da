/*
 * time.c -- clocks and sleeping: the monotonic clock advances by at
 * least what we slept, the wall clock is after 2020, nanosleep and
 * sleep() sleep.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double
mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(void)
{
	struct timespec req = { 0, 200 * 1000 * 1000 }, res;
	double t0, t1, t2;
	time_t now = time(NULL);
	int ok = 1;

	t0 = mono();
	nanosleep(&req, NULL);
	t1 = mono();
	sleep(1);
	t2 = mono();
	clock_getres(CLOCK_MONOTONIC, &res);
	printf("wall clock after 2020: %s\n", now > 1577836800 ? "yes" : "no");
	printf("nanosleep(200ms) slept at least 200ms: %s\n",
	    t1 - t0 >= 0.2 ? "yes" : "no");
	printf("sleep(1) slept at least 1s: %s\n", t2 - t1 >= 1.0 ? "yes" : "no");
	printf("monotonic resolution at most 1ms: %s\n",
	    res.tv_sec == 0 && res.tv_nsec <= 1000000 ? "yes" : "no");
	ok = now > 1577836800 && t1 - t0 >= 0.2 && t2 - t1 >= 1.0;
	return ok ? 0 : 1;
}
