/*
 * sys_time.c -- clocks and sleeping: clock_gettime, clock_getres,
 * clock_settime, gettimeofday, settimeofday, nanosleep, clock_nanosleep.
 *
 * CLOCK_MONOTONIC, _RAW, _COARSE and BOOTTIME are the host's monotonic
 * clock (nothing here suspends); REALTIME and TAI are the kernel's wall
 * clock.  The CPU-time clocks are approximated by the time since boot:
 * the kernel does not account CPU time per thread.
 */
#include "sys_int.h"

/* Resolution reported for the coarse clocks: a 250 Hz tick, as Linux. */
#define COARSE_RES_NS 4000000

/* The latest wall clock time that may be set: 30 years short of where
 * nanoseconds since 1970 overflow 64 bits, as Linux (EINVAL beyond). */
#define WALL_SEC_MAX (INT64_MAX / NSEC_PER_SEC - 30LL * 365 * 86400)

int
ts_import(const struct timespec *uts, int64_t *nsp)
{
	struct timespec ts;
	int error;

	error = copyin(uts, &ts, sizeof(ts));
	if (error != 0)
		return error;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	if (ts.tv_sec > (INT64_MAX - NSEC_PER_SEC) / NSEC_PER_SEC)
		*nsp = INT64_MAX;  /* forever, in effect */
	else
		*nsp = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

static int
ts_export(int64_t ns, struct timespec *uts)
{
	struct timespec ts;

	ts.tv_sec = ns / NSEC_PER_SEC;
	ts.tv_nsec = ns % NSEC_PER_SEC;
	return copyout(&ts, uts, sizeof(ts));
}

static int64_t
wall_ns(void)
{
	int64_t sec, nsec;

	nanotime(&sec, &nsec);
	return sec * NSEC_PER_SEC + nsec;
}

int
clock_read(clockid_t id, int64_t *nsp)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_TAI:
		*nsp = wall_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_BOOTTIME_ALARM:
		*nsp = nanouptime_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*nsp = nanouptime_ns() - boottime_ns();
		return 0;
	default:
		return -EINVAL;
	}
}

int64_t
deadline_from(int64_t rel_ns)
{
	int64_t now = nanouptime_ns();

	return rel_ns > INT64_MAX - now ? INT64_MAX : now + rel_ns;
}

long
sys_clock_gettime(clockid_t clockid, struct timespec *tp)
{
	int64_t ns;
	int error;

	error = clock_read(clockid, &ns);
	if (error != 0)
		return error;
	return ts_export(ns, tp);
}

long
sys_clock_getres(clockid_t clockid, struct timespec *res)
{
	int64_t ns;
	int error;

	error = clock_read(clockid, &ns);
	if (error != 0)
		return error;
	if (res == NULL)
		return 0;
	if (clockid == CLOCK_REALTIME_COARSE ||
	    clockid == CLOCK_MONOTONIC_COARSE)
		return ts_export(COARSE_RES_NS, res);
	return ts_export(1, res);
}

long
sys_clock_settime(clockid_t clockid, const struct timespec *tp)
{
	int64_t ns;
	int error;

	if (clockid != CLOCK_REALTIME) {
		error = clock_read(clockid, &ns);
		return error != 0 ? error : -EINVAL;
	}
	error = ts_import(tp, &ns);
	if (error != 0)
		return error;
	if (ns / NSEC_PER_SEC > WALL_SEC_MAX)
		return -EINVAL;
	if (curproc->p_cred.cr_euid != 0)
		return -EPERM;
	settime(ns / NSEC_PER_SEC, ns % NSEC_PER_SEC);
	return 0;
}

long
sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	int error;

	if (tv != NULL) {
		int64_t ns = wall_ns();
		struct timeval k = { ns / NSEC_PER_SEC,
			(ns % NSEC_PER_SEC) / 1000 };

		error = copyout(&k, tv, sizeof(k));
		if (error != 0)
			return error;
	}
	if (tz != NULL) {
		struct timezone z = { 0, 0 };  /* UTC, as the kernel knows */

		return copyout(&z, tz, sizeof(z));
	}
	return 0;
}

long
sys_settimeofday(const struct timeval *tv, const struct timezone *tz)
{
	struct timeval k;
	int error;

	(void)tz;  /* the kernel keeps no time zone */
	if (tv == NULL)
		return 0;
	error = copyin(tv, &k, sizeof(k));
	if (error != 0)
		return error;
	if (k.tv_sec < 0 || k.tv_sec > WALL_SEC_MAX || k.tv_usec < 0 ||
	    k.tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	if (curproc->p_cred.cr_euid != 0)
		return -EPERM;
	settime(k.tv_sec, k.tv_usec * 1000);
	return 0;
}

/*
 * Sleep until the monotonic deadline; -EINTR if a signal came first,
 * with the time left in *leftp.
 */
static int
sleep_until(int64_t deadline, int64_t *leftp)
{
	int64_t left = deadline - nanouptime_ns();
	int error;

	if (left <= 0)
		return 0;
	error = kpause(left, true);
	if (error == -EINTR && leftp != NULL) {
		left = deadline - nanouptime_ns();
		*leftp = left > 0 ? left : 0;
	}
	return error;
}

long
sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	int64_t ns, left = 0;
	int error;

	error = ts_import(req, &ns);
	if (error != 0)
		return error;
	error = sleep_until(deadline_from(ns), &left);
	if (error == -EINTR && rem != NULL)
		(void)ts_export(left, rem);
	return error;
}

long
sys_clock_nanosleep(clockid_t clockid, int flags,
    const struct timespec *request, struct timespec *remain)
{
	int64_t ns, now, left = 0, deadline;
	int error;

	switch (clockid) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_TAI:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
	case CLOCK_PROCESS_CPUTIME_ID:
		break;
	case CLOCK_THREAD_CPUTIME_ID:
		return -EINVAL;
	default:
		error = clock_read(clockid, &now);
		return error != 0 ? error : -EOPNOTSUPP;
	}
	error = ts_import(request, &ns);
	if (error != 0)
		return error;
	if (flags & TIMER_ABSTIME) {
		clock_read(clockid, &now);
		deadline = deadline_from(ns > now ? ns - now : 0);
		return sleep_until(deadline, NULL);
	}
	error = sleep_until(deadline_from(ns), &left);
	if (error == -EINTR && remain != NULL)
		(void)ts_export(left, remain);
	return error;
}

long
sys_time(time_t *tloc)
{
	time_t t = (time_t)(wall_ns() / NSEC_PER_SEC);

	if (tloc != NULL) {
		int error = copyout(&t, tloc, sizeof(t));
		if (error != 0)
			return error;
	}
	return t;
}

/* times(2) counts in clock ticks of USER_HZ, which is 100 on Linux. */
#define USER_HZ 100

long
sys_times(struct tms *buf)
{
	struct tms t;

	if (buf != NULL) {
		/* No CPU time is accounted per process (see the top). */
		memset(&t, 0, sizeof(t));
		int error = copyout(&t, buf, sizeof(t));
		if (error != 0)
			return error;
	}
	/* Ticks since boot: only differences mean anything. */
	return (long)((nanouptime_ns() - boottime_ns()) /
	    (NSEC_PER_SEC / USER_HZ));
}
