/*
 * time.c -- kernel clocks.  Monotonic time is the host's; the wall clock
 * is the host's plus an offset that settime() changes, so setting the
 * time in a rump kernel never touches the host.
 */
#include "kern_int.h"
#include <rumpuser.h>

static int64_t boot_ns;
static int64_t wall_offset_ns;

int64_t
nanouptime_ns(void)
{
	int64_t sec, nsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &sec, &nsec);
	return sec * NSEC_PER_SEC + nsec;
}

void
nanotime(int64_t *secp, int64_t *nsecp)
{
	int64_t sec, nsec, t;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_RELWALL, &sec, &nsec);
	t = sec * NSEC_PER_SEC + nsec +
	    __atomic_load_n(&wall_offset_ns, __ATOMIC_RELAXED);
	*secp = t / NSEC_PER_SEC;
	*nsecp = t % NSEC_PER_SEC;
	if (*nsecp < 0) {
		*nsecp += NSEC_PER_SEC;
		(*secp)--;
	}
}

void
settime(int64_t sec, int64_t nsec)
{
	int64_t hsec, hnsec;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_RELWALL, &hsec, &hnsec);
	__atomic_store_n(&wall_offset_ns,
	    (sec - hsec) * NSEC_PER_SEC + (nsec - hnsec), __ATOMIC_RELAXED);
}

int64_t
boottime_ns(void)
{
	return boot_ns;
}

void
time_init(void)
{
	boot_ns = nanouptime_ns();
}

int
kpause(int64_t ns, bool intr)
{
	int64_t now = nanouptime_ns();
	/* "Forever" (INT64_MAX) from a caller must not wrap around. */
	int64_t deadline = ns > INT64_MAX - now ? INT64_MAX : now + ns;

	if (!intr) {
		rumpuser_clock_sleep(RUMPUSER_CLOCK_ABSMONO,
		    deadline / NSEC_PER_SEC, deadline % NSEC_PER_SEC);
		return 0;
	}
	kmutex_t m;
	kcondvar_t cv;
	int error = 0;

	mutex_init(&m, MUTEX_DEFAULT);
	cv_init(&cv);
	mutex_enter(&m);
	for (;;) {
		int64_t left = deadline - nanouptime_ns();
		if (left <= 0)
			break;
		error = cv_timedwait_sig(&cv, &m, left);
		if (error == -EINTR)
			break;
		error = 0;
	}
	mutex_exit(&m);
	cv_destroy(&cv);
	mutex_destroy(&m);
	return error;
}
