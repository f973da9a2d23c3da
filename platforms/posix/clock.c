/* clock.c -- wall and monotonic clocks, and sleeping on them. */
#include <errno.h>
#include <time.h>

#include "rumpuser_int.h"

int
rumpuser_clock_gettime(int clock, int64_t *sec, int64_t *nsec)
{
	struct timespec ts;
	clockid_t id;

	switch (clock) {
	case RUMPUSER_CLOCK_RELWALL:
		id = CLOCK_REALTIME;
		break;
	case RUMPUSER_CLOCK_ABSMONO:
		id = CLOCK_MONOTONIC;
		break;
	default:
		return EINVAL;
	}
	if (sec == NULL || nsec == NULL)
		return EINVAL;
	if (clock_gettime(id, &ts) != 0)
		return rumpuser__errtrans(errno);
	*sec = ts.tv_sec;
	*nsec = ts.tv_nsec;
	return 0;
}

/*
 * A relative sleep restarts with the time that remains, so signals do
 * not lengthen it; an absolute one simply restarts.
 */
static int
clock_sleep_host(int clock, struct timespec *ts)
{
	int rv;

	if (clock == RUMPUSER_CLOCK_RELWALL) {
		while (nanosleep(ts, ts) != 0) {
			if (errno != EINTR)
				return errno;
		}
		return 0;
	}
	while ((rv = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ts,
	    NULL)) == EINTR)
		continue;
	return rv;
}

int
rumpuser_clock_sleep(int clock, int64_t sec, int64_t nsec)
{
	struct timespec ts;
	int error;

	if (clock != RUMPUSER_CLOCK_RELWALL && clock != RUMPUSER_CLOCK_ABSMONO)
		return EINVAL;
	if (!rumpuser__nsec_valid(nsec))
		return EINVAL;
	/* A negative time, relative or absolute, has already passed. */
	if (sec < 0)
		return 0;
	ts.tv_sec = sec;
	ts.tv_nsec = nsec;

	rumpuser__unschedule();
	error = clock_sleep_host(clock, &ts);
	rumpuser__schedule();
	return rumpuser__errtrans(error);
}
