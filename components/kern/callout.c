/*
 * callout.c -- timeouts.  Pending callouts sit on one list sorted by
 * deadline; a kernel thread sleeps until the earliest and runs what is
 * due, one at a time, without the list lock held.
 */
#include "kern_int.h"

#define C_PENDING 0x1
#define C_RUNNING 0x2

static kmutex_t callout_lock;
static kcondvar_t callout_cv;      /* the thread: list changed */
static kcondvar_t callout_done_cv; /* halt waiters: a callout finished */
static struct callout *callout_list;

void
callout_init(struct callout *c)
{
	memset(c, 0, sizeof(*c));
}

static void
callout_unlink(struct callout *c)
{
	struct callout **cp;

	for (cp = &callout_list; *cp != NULL; cp = &(*cp)->c_next) {
		if (*cp == c) {
			*cp = c->c_next;
			break;
		}
	}
	c->c_flags &= ~C_PENDING;
}

void
callout_reset(struct callout *c, int64_t ns, void (*func)(void *), void *arg)
{
	struct callout **cp;

	mutex_enter(&callout_lock);
	if (c->c_flags & C_PENDING)
		callout_unlink(c);
	c->c_func = func;
	c->c_arg = arg;
	c->c_when = nanouptime_ns() + (ns > 0 ? ns : 0);
	for (cp = &callout_list; *cp != NULL && (*cp)->c_when <= c->c_when;
	     cp = &(*cp)->c_next)
		continue;
	c->c_next = *cp;
	*cp = c;
	c->c_flags |= C_PENDING;
	if (callout_list == c)
		cv_signal(&callout_cv);
	mutex_exit(&callout_lock);
}

bool
callout_stop(struct callout *c)
{
	bool was;

	mutex_enter(&callout_lock);
	was = (c->c_flags & C_PENDING) != 0;
	if (was)
		callout_unlink(c);
	mutex_exit(&callout_lock);
	return was;
}

bool
callout_halt(struct callout *c)
{
	bool was;

	mutex_enter(&callout_lock);
	was = (c->c_flags & C_PENDING) != 0;
	if (was)
		callout_unlink(c);
	while (c->c_flags & C_RUNNING)
		cv_wait(&callout_done_cv, &callout_lock);
	mutex_exit(&callout_lock);
	return was;
}

bool
callout_pending(struct callout *c)
{
	return (__atomic_load_n(&c->c_flags, __ATOMIC_RELAXED) & C_PENDING) != 0;
}

static void
callout_thread(void *arg)
{
	(void)arg;
	mutex_enter(&callout_lock);
	for (;;) {
		struct callout *c = callout_list;
		int64_t now = nanouptime_ns();

		if (c == NULL) {
			cv_wait(&callout_cv, &callout_lock);
			continue;
		}
		if (c->c_when > now) {
			cv_timedwait(&callout_cv, &callout_lock, c->c_when - now);
			continue;
		}
		callout_list = c->c_next;
		c->c_flags = (c->c_flags & ~C_PENDING) | C_RUNNING;
		void (*func)(void *) = c->c_func;
		void *farg = c->c_arg;
		mutex_exit(&callout_lock);
		func(farg);
		mutex_enter(&callout_lock);
		/* func may have re-armed c: only our flag is ours to clear. */
		c->c_flags &= ~C_RUNNING;
		cv_broadcast(&callout_done_cv);
	}
}

int
callout_start(void)
{
	mutex_init(&callout_lock, MUTEX_DEFAULT);
	cv_init(&callout_cv);
	cv_init(&callout_done_cv);
	return kthread_create(callout_thread, NULL, "callout", false, NULL);
}
