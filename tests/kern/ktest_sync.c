/*
 * ktest_sync.c -- kernel self-tests of locks, condvars, kernel threads,
 * callouts and sleeping.
 */
#include "../ktest/ktest.h"

struct counter {
	kmutex_t m;
	kcondvar_t cv;
	long n;
	int done;
};

static void
count_thread(void *arg)
{
	struct counter *c = arg;

	for (int i = 0; i < 10000; i++) {
		mutex_enter(&c->m);
		c->n++;
		mutex_exit(&c->m);
	}
	mutex_enter(&c->m);
	c->done++;
	cv_broadcast(&c->cv);
	mutex_exit(&c->m);
}

KTEST(mutex_counts_across_threads)
{
	struct counter c = { .n = 0 };
	struct lwp *l[4];

	mutex_init(&c.m, MUTEX_DEFAULT);
	cv_init(&c.cv);
	for (int i = 0; i < 4; i++)
		if (!KT_EQ(kt, kthread_create(count_thread, &c, "counter", true,
				   &l[i]), 0))
			return;
	for (int i = 0; i < 4; i++)
		KT_EQ(kt, kthread_join(l[i]), 0);
	KT_EQ(kt, c.n, 40000);
	KT_EQ(kt, c.done, 4);
	cv_destroy(&c.cv);
	mutex_destroy(&c.m);
}

KTEST(mutex_owned_and_tryenter)
{
	kmutex_t m;

	mutex_init(&m, MUTEX_DEFAULT);
	KT_CHECK(kt, !mutex_owned(&m));
	mutex_enter(&m);
	KT_CHECK(kt, mutex_owned(&m));
	mutex_exit(&m);
	KT_CHECK(kt, mutex_tryenter(&m));
	mutex_exit(&m);
	mutex_destroy(&m);
}

KTEST(rwlock_modes)
{
	krwlock_t rw;

	rw_init(&rw);
	rw_enter(&rw, RW_READER);
	KT_CHECK(kt, rw_lock_held(&rw));
	KT_CHECK(kt, !rw_write_held(&rw));
	KT_CHECK(kt, rw_tryenter(&rw, RW_READER));
	rw_exit(&rw);
	KT_CHECK(kt, !rw_tryenter(&rw, RW_WRITER));
	rw_exit(&rw);
	rw_enter(&rw, RW_WRITER);
	KT_CHECK(kt, rw_write_held(&rw));
	rw_exit(&rw);
	KT_CHECK(kt, !rw_lock_held(&rw));
	rw_destroy(&rw);
}

KTEST(cv_timedwait_times_out)
{
	kmutex_t m;
	kcondvar_t cv;
	int64_t t0 = nanouptime_ns(), dt;

	mutex_init(&m, MUTEX_DEFAULT);
	cv_init(&cv);
	mutex_enter(&m);
	KT_EQ(kt, cv_timedwait(&cv, &m, 20 * 1000 * 1000), -ETIMEDOUT);
	KT_CHECK(kt, mutex_owned(&m));
	mutex_exit(&m);
	dt = nanouptime_ns() - t0;
	KT_CHECK(kt, dt >= 20 * 1000 * 1000);
	KT_CHECK(kt, dt < 2000LL * 1000 * 1000);
	cv_destroy(&cv);
	mutex_destroy(&m);
}

struct fired {
	kmutex_t m;
	kcondvar_t cv;
	int n;
	int64_t when;
};

static void
callout_fn(void *arg)
{
	struct fired *f = arg;

	mutex_enter(&f->m);
	f->n++;
	f->when = nanouptime_ns();
	cv_broadcast(&f->cv);
	mutex_exit(&f->m);
}

KTEST(callout_fires_once_in_order)
{
	struct fired f = { .n = 0 };
	struct callout c, never;
	int64_t t0 = nanouptime_ns();

	mutex_init(&f.m, MUTEX_DEFAULT);
	cv_init(&f.cv);
	callout_init(&c);
	callout_init(&never);
	callout_reset(&never, 10LL * NSEC_PER_SEC, callout_fn, &f);
	callout_reset(&c, 10 * 1000 * 1000, callout_fn, &f);
	KT_CHECK(kt, callout_pending(&c));
	mutex_enter(&f.m);
	while (f.n == 0)
		if (cv_timedwait(&f.cv, &f.m, 5LL * NSEC_PER_SEC) != 0)
			break;
	mutex_exit(&f.m);
	KT_EQ(kt, f.n, 1);
	KT_CHECK(kt, f.when - t0 >= 10 * 1000 * 1000);
	KT_CHECK(kt, !callout_pending(&c));
	KT_CHECK(kt, callout_stop(&never));
	KT_CHECK(kt, !callout_halt(&c));
	cv_destroy(&f.cv);
	mutex_destroy(&f.m);
}

KTEST(kpause_sleeps)
{
	int64_t t0 = nanouptime_ns();

	KT_EQ(kt, kpause(5 * 1000 * 1000, false), 0);
	KT_CHECK(kt, nanouptime_ns() - t0 >= 5 * 1000 * 1000);
	KT_EQ(kt, kpause(5 * 1000 * 1000, true), 0);
}

KTEST(wall_clock_settime_is_local)
{
	int64_t s, ns, s2, ns2;

	nanotime(&s, &ns);
	KT_CHECK(kt, s > 1600000000); /* after 2020: the host clock is sane */
	settime(s + 3600, ns);
	nanotime(&s2, &ns2);
	KT_CHECK(kt, s2 >= s + 3599 && s2 <= s + 3601);
	settime(s, ns);
}
