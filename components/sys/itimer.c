/*
 * itimer.c -- the real-time interval timer of a process (alarm,
 * setitimer, getitimer with ITIMER_REAL): a callout that posts SIGALRM
 * and re-arms itself for an interval.  ITIMER_VIRTUAL and ITIMER_PROF
 * measure CPU time, which the kernel does not account: ENOSYS.
 */
#include "sys_int.h"

struct itimer {
	struct callout it_co;
	struct proc *it_proc;
	int64_t it_next;        /* monotonic deadline; 0: disarmed */
	int64_t it_interval;    /* ns; 0: one-shot */
};

static void
itimer_fire(void *arg)
{
	struct itimer *it = arg;
	struct proc *p = it->it_proc;
	int64_t now = nanouptime_ns();
	bool fire;

	mutex_enter(&p->p_lock);
	fire = it->it_next != 0 && it->it_next <= now;
	if (fire && it->it_interval > 0) {
		/* Missed periods are skipped, as with a single pending bit. */
		while (it->it_next <= now)
			it->it_next += it->it_interval;
		callout_reset(&it->it_co, it->it_next - now, itimer_fire, it);
	} else if (fire) {
		it->it_next = 0;
	} else if (it->it_next != 0) {
		callout_reset(&it->it_co, it->it_next - now, itimer_fire, it);
	}
	mutex_exit(&p->p_lock);
	if (fire)
		(void)sig_post(p, 0, SIGALRM);
}

/* The process's timer, made on first use (p_lock not held). */
static struct itimer *
itimer_get(struct proc *p)
{
	struct itimer *it, *fresh;

	mutex_enter(&p->p_lock);
	it = p->p_sigacts->sa_itimer;
	mutex_exit(&p->p_lock);
	if (it != NULL)
		return it;
	fresh = kmem_zalloc(sizeof(*fresh), KM_SLEEP);
	if (fresh == NULL)
		return NULL;
	callout_init(&fresh->it_co);
	fresh->it_proc = p;
	mutex_enter(&p->p_lock);
	it = p->p_sigacts->sa_itimer;
	if (it == NULL)
		it = p->p_sigacts->sa_itimer = fresh;
	mutex_exit(&p->p_lock);
	if (it != fresh)
		kmem_free(fresh, sizeof(*fresh));
	return it;
}

void
itimer_destroy(struct proc *p)
{
	struct itimer *it = p->p_sigacts->sa_itimer;

	if (it == NULL)
		return;
	mutex_enter(&p->p_lock);
	it->it_next = 0;  /* a running itimer_fire does not re-arm */
	mutex_exit(&p->p_lock);
	callout_halt(&it->it_co);
	p->p_sigacts->sa_itimer = NULL;
	kmem_free(it, sizeof(*it));
}

static int64_t
tv_ns(const struct timeval *tv)
{
	if (tv->tv_sec > INT64_MAX / NSEC_PER_SEC - 1)
		return INT64_MAX / 2;
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * 1000;
}

static void
ns_tv(int64_t ns, struct timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / 1000;
}

/* Read the timer into *old (may be NULL), then set it from *new (may be
 * NULL: only read). */
static int
itimer_swap(const struct itimerval *new, struct itimerval *old)
{
	struct proc *p = curproc;
	struct itimer *it = itimer_get(p);
	int64_t now = nanouptime_ns(), value;

	if (it == NULL)
		return -ENOMEM;
	mutex_enter(&p->p_lock);
	if (old != NULL) {
		memset(old, 0, sizeof(*old));
		if (it->it_next != 0) {
			/* A timer due now still shows a little time left. */
			ns_tv(MAX(it->it_next - now, 1000), &old->it_value);
			ns_tv(it->it_interval, &old->it_interval);
		}
	}
	if (new != NULL) {
		value = tv_ns(&new->it_value);
		it->it_interval = value != 0 ? tv_ns(&new->it_interval) : 0;
		if (value == 0) {
			it->it_next = 0;
			callout_stop(&it->it_co);
		} else {
			it->it_next = now + value;
			callout_reset(&it->it_co, value, itimer_fire, it);
		}
	}
	mutex_exit(&p->p_lock);
	return 0;
}

static bool
tv_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	    tv->tv_usec < USEC_PER_SEC;
}

static int
itimer_which(int which)
{
	if (which == ITIMER_REAL)
		return 0;
	return which == ITIMER_VIRTUAL || which == ITIMER_PROF ? -ENOSYS
							       : -EINVAL;
}

long
sys_getitimer(int which, struct itimerval *value)
{
	struct itimerval old;
	int error = itimer_which(which);

	if (error != 0)
		return error;
	error = itimer_swap(NULL, &old);
	if (error != 0)
		return error;
	return copyout(&old, value, sizeof(old));
}

long
sys_setitimer(int which, const struct itimerval *value,
    struct itimerval *ovalue)
{
	struct itimerval new, old;
	int error = itimer_which(which);

	if (error != 0)
		return error;
	memset(&new, 0, sizeof(new));
	if (value != NULL) {  /* NULL disarms, as Linux allows */
		error = copyin(value, &new, sizeof(new));
		if (error != 0)
			return error;
	}
	if (!tv_valid(&new.it_value) || !tv_valid(&new.it_interval))
		return -EINVAL;
	error = itimer_swap(&new, ovalue != NULL ? &old : NULL);
	if (error != 0 || ovalue == NULL)
		return error;
	return copyout(&old, ovalue, sizeof(old));
}

long
sys_alarm(unsigned int seconds)
{
	struct itimerval new, old;
	int error;

	memset(&new, 0, sizeof(new));
	new.it_value.tv_sec = seconds;
	error = itimer_swap(&new, &old);
	if (error != 0)
		return error;
	/* Whole seconds left, rounded to nearest, at least 1 if pending. */
	if (old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0)
		return 0;
	return MAX(old.it_value.tv_sec + (old.it_value.tv_usec >= 500000), 1);
}
