/*
 * select.c -- wake-ups for poll, select and epoll.  An object keeps a
 * struct selinfo; fo_poll registers a struct pollwait on it with
 * selrecord(), and the object calls selnotify() when its readiness may
 * have changed.  A registration (struct selwaiter) is on two lists: the
 * selinfo's and the pollwait's, so either side can tear it down.  One
 * lock, sel_lock, guards all of them: registrations are short-lived and
 * few, and a single lock keeps the two-sided teardown simple.
 *
 * Lock order: object locks -> sel_lock -> pw_lock / epoll ready lock.
 */
#include "sys_int.h"

struct selwaiter {
	struct selinfo *sw_si;
	struct pollwait *sw_pw;
	struct selwaiter *sw_sinext;
	struct selwaiter *sw_pwnext;
};

static kmutex_t sel_lock;

void
sel_init(void)
{
	mutex_init(&sel_lock, MUTEX_DEFAULT);
}

void
selinfo_init(struct selinfo *si)
{
	si->si_waiters = NULL;
}

/* Unlink sw from its pollwait's list (sel_lock held). */
static void
sw_unlink_pw(struct selwaiter *sw)
{
	struct selwaiter **pp = &sw->sw_pw->pw_regs;

	while (*pp != sw)
		pp = &(*pp)->sw_pwnext;
	*pp = sw->sw_pwnext;
}

/* Unlink sw from its selinfo's list (sel_lock held). */
static void
sw_unlink_si(struct selwaiter *sw)
{
	struct selwaiter **pp = &sw->sw_si->si_waiters;

	while (*pp != sw)
		pp = &(*pp)->sw_sinext;
	*pp = sw->sw_sinext;
}

void
selinfo_destroy(struct selinfo *si)
{
	struct selwaiter *sw;

	mutex_enter(&sel_lock);
	/* Whoever waits hears about it once more, then loses the link. */
	selnotify_locked(si, POLLHUP | POLLERR);
	while ((sw = si->si_waiters) != NULL) {
		si->si_waiters = sw->sw_sinext;
		sw_unlink_pw(sw);
		kmem_free(sw, sizeof(*sw));
	}
	mutex_exit(&sel_lock);
}

void
selrecord(struct pollwait *pw, struct selinfo *si)
{
	struct selwaiter *sw;

	if (pw == NULL)
		return;
	mutex_enter(&sel_lock);
	for (sw = pw->pw_regs; sw != NULL; sw = sw->sw_pwnext) {
		if (sw->sw_si == si) {  /* registered already */
			mutex_exit(&sel_lock);
			return;
		}
	}
	mutex_exit(&sel_lock);
	sw = kmem_alloc(sizeof(*sw), KM_SLEEP);
	if (sw == NULL) {
		/* Cannot wait for it: make the waiter look again soon. */
		mutex_enter(&sel_lock);
		pw->pw_wake(pw, 0);
		mutex_exit(&sel_lock);
		return;
	}
	sw->sw_si = si;
	sw->sw_pw = pw;
	mutex_enter(&sel_lock);
	sw->sw_sinext = si->si_waiters;
	si->si_waiters = sw;
	sw->sw_pwnext = pw->pw_regs;
	pw->pw_regs = sw;
	mutex_exit(&sel_lock);
}

void
selnotify_locked(struct selinfo *si, int events)
{
	KASSERT(mutex_owned(&sel_lock));
	for (struct selwaiter *sw = si->si_waiters; sw; sw = sw->sw_sinext)
		sw->sw_pw->pw_wake(sw->sw_pw, events);
}

void
selnotify(struct selinfo *si, int events)
{
	/* Unlocked peek: a registration racing with this sees the state
	 * change itself, as fo_poll checks readiness after selrecord. */
	if (atomic_load_relaxed(&si->si_waiters) == NULL)
		return;
	mutex_enter(&sel_lock);
	selnotify_locked(si, events);
	mutex_exit(&sel_lock);
}

static void
pollwait_wake_thread(struct pollwait *pw, int events)
{
	(void)events;
	mutex_enter(&pw->pw_lock);
	pw->pw_woken++;
	cv_broadcast(&pw->pw_cv);
	mutex_exit(&pw->pw_lock);
}

void
pollwait_init(struct pollwait *pw)
{
	pollwait_init_cb(pw, pollwait_wake_thread, NULL);
}

void
pollwait_init_cb(struct pollwait *pw, void (*wake)(struct pollwait *, int),
    void *arg)
{
	pw->pw_wake = wake;
	pw->pw_regs = NULL;
	pw->pw_woken = 0;
	pw->pw_arg = arg;
	mutex_init(&pw->pw_lock, MUTEX_DEFAULT);
	cv_init(&pw->pw_cv);
}

void
pollwait_clear(struct pollwait *pw)
{
	struct selwaiter *sw;

	if (atomic_load_relaxed(&pw->pw_regs) == NULL)
		return;
	mutex_enter(&sel_lock);
	while ((sw = pw->pw_regs) != NULL) {
		pw->pw_regs = sw->sw_pwnext;
		sw_unlink_si(sw);
		kmem_free(sw, sizeof(*sw));
	}
	mutex_exit(&sel_lock);
}

void
pollwait_destroy(struct pollwait *pw)
{
	pollwait_clear(pw);
	cv_destroy(&pw->pw_cv);
	mutex_destroy(&pw->pw_lock);
}

int
pollwait_gen(struct pollwait *pw)
{
	int gen;

	mutex_enter(&pw->pw_lock);
	gen = pw->pw_woken;
	mutex_exit(&pw->pw_lock);
	return gen;
}

int
pollwait_sleep(struct pollwait *pw, int gen, int64_t deadline)
{
	int error = 0;

	mutex_enter(&pw->pw_lock);
	while (pw->pw_woken == gen) {
		int64_t left = -1;

		if (deadline >= 0) {
			left = deadline - nanouptime_ns();
			if (left <= 0) {
				error = -ETIMEDOUT;
				break;
			}
		}
		error = cv_timedwait_sig(&pw->pw_cv, &pw->pw_lock, left);
		if (error == -EINTR)
			break;
		error = 0;
	}
	mutex_exit(&pw->pw_lock);
	return error;
}
