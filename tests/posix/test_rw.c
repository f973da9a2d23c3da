/* test_rw.c -- reader/writer lock semantics, rw_held and CPU discipline. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakehyp.h"

static int
held(int op, struct rumpuser_rw *rw)
{
	int h = -1;

	rumpuser_rw_held(op, rw, &h);
	return h;
}

struct other {
	struct rumpuser_rw *rw;
	int op;
	int rv;                  /* tryenter result */
	int heldw;               /* rw_held(WRITER) seen from there */
	struct fakehyp_counts d; /* upcalls made by a blocking enter */
	volatile int got;
};

static void *
other_try(void *arg)
{
	struct other *o = arg;

	o->heldw = held(RUMPUSER_RW_WRITER, o->rw);
	o->rv = rumpuser_rw_tryenter(o->op, o->rw);
	if (o->rv == 0)
		rumpuser_rw_exit(o->rw);
	return NULL;
}

/* What another thread sees: tryenter(op) result and held(WRITER). */
static struct other
from_other(struct rumpuser_rw *rw, int op)
{
	struct other o = { .rw = rw, .op = op };
	pthread_t tid;

	pthread_create(&tid, NULL, other_try, &o);
	pthread_join(tid, NULL);
	return o;
}

static void
test_readers(void **state)
{
	struct rumpuser_rw *rw;

	(void)state;
	rumpuser_rw_init(&rw);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 0);
	rumpuser_rw_enter(RUMPUSER_RW_READER, rw);
	assert_int_equal(rumpuser_rw_tryenter(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 1);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 0);
	assert_int_equal(rumpuser_rw_tryenter(RUMPUSER_RW_WRITER, rw), EBUSY);
	assert_int_equal(from_other(rw, RUMPUSER_RW_READER).rv, 0);
	assert_int_equal(from_other(rw, RUMPUSER_RW_WRITER).rv, EBUSY);
	rumpuser_rw_exit(rw);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 1);
	rumpuser_rw_exit(rw);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(from_other(rw, RUMPUSER_RW_WRITER).rv, 0);
	rumpuser_rw_destroy(rw);
}

static void
test_writer(void **state)
{
	struct rumpuser_rw *rw;
	struct other o;
	int lwp;

	(void)state;
	rumpuser_rw_init(&rw);
	rumpuser_curlwpop(RUMPUSER_LWP_SET, &lwp);
	rumpuser_rw_enter(RUMPUSER_RW_WRITER, rw);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 1);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(rumpuser_rw_tryenter(RUMPUSER_RW_READER, rw), EBUSY);
	assert_int_equal(rumpuser_rw_tryenter(RUMPUSER_RW_WRITER, rw), EBUSY);
	o = from_other(rw, RUMPUSER_RW_READER);
	assert_int_equal(o.rv, EBUSY);
	assert_int_equal(o.heldw, 0); /* held, but not by that thread */
	rumpuser_rw_exit(rw);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 0);
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, &lwp);

	/* A thread without an lwp is still told apart from others. */
	assert_int_equal(rumpuser_rw_tryenter(RUMPUSER_RW_WRITER, rw), 0);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 1);
	assert_int_equal(from_other(rw, RUMPUSER_RW_READER).heldw, 0);
	rumpuser_rw_exit(rw);
	rumpuser_rw_destroy(rw);
}

static void
test_upgrade_downgrade(void **state)
{
	struct rumpuser_rw *rw;

	(void)state;
	rumpuser_rw_init(&rw);
	rumpuser_rw_enter(RUMPUSER_RW_READER, rw);
	assert_int_equal(rumpuser_rw_tryupgrade(rw), 0);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 1);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(from_other(rw, RUMPUSER_RW_READER).rv, EBUSY);

	rumpuser_rw_downgrade(rw);
	assert_int_equal(held(RUMPUSER_RW_WRITER, rw), 0);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 1);
	assert_int_equal(from_other(rw, RUMPUSER_RW_READER).rv, 0);
	assert_int_equal(from_other(rw, RUMPUSER_RW_WRITER).rv, EBUSY);

	/* Two readers: no upgrade, and we stay a reader. */
	assert_int_equal(rumpuser_rw_tryenter(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(rumpuser_rw_tryupgrade(rw), EBUSY);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 1);
	rumpuser_rw_exit(rw);
	rumpuser_rw_exit(rw);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 0);
	assert_int_equal(from_other(rw, RUMPUSER_RW_WRITER).rv, 0);
	rumpuser_rw_destroy(rw);
}

static void *
blocking_enter(void *arg)
{
	struct other *o = arg;
	struct fakehyp_counts before, after;

	fakehyp_enter();
	before = fakehyp_get();
	rumpuser_rw_enter(o->op, o->rw);
	after = fakehyp_get();
	o->got = 1;
	o->heldw = held(RUMPUSER_RW_WRITER, o->rw);
	rumpuser_rw_exit(o->rw);
	fakehyp_leave();
	o->d.nsched = after.nsched - before.nsched;
	o->d.nunsched = after.nunsched - before.nunsched;
	o->d.nviolation = after.nviolation - before.nviolation;
	return NULL;
}

/* hold as `held_op`, let another thread block in enter(op), release. */
static void
run_blocking(int held_op, int op, struct other *o)
{
	struct rumpuser_rw *rw;
	pthread_t tid;

	rumpuser_rw_init(&rw);
	*o = (struct other){ .rw = rw, .op = op };
	rumpuser_rw_enter(held_op, rw);
	pthread_create(&tid, NULL, blocking_enter, o);
	fakehyp_msleep(50);
	assert_int_equal(o->got, 0);
	rumpuser_rw_exit(rw);
	pthread_join(tid, NULL);
	assert_int_equal(o->got, 1);
	assert_int_equal(o->d.nunsched, 1);
	assert_int_equal(o->d.nsched, 1);
	assert_int_equal(o->d.nviolation, 0);
	assert_int_equal(held(RUMPUSER_RW_READER, rw), 0);
	rumpuser_rw_destroy(rw);
}

static void
test_blocking(void **state)
{
	struct other o;

	(void)state;
	run_blocking(RUMPUSER_RW_WRITER, RUMPUSER_RW_READER, &o);
	run_blocking(RUMPUSER_RW_WRITER, RUMPUSER_RW_WRITER, &o);
	assert_int_equal(o.heldw, 1);
	run_blocking(RUMPUSER_RW_READER, RUMPUSER_RW_WRITER, &o);
}

/* A downgrade lets a sleeping reader in, but not a sleeping writer. */
static void
test_downgrade_wakes_reader(void **state)
{
	struct rumpuser_rw *rw;
	struct other r, w;
	pthread_t rt, wt;

	(void)state;
	rumpuser_rw_init(&rw);
	rumpuser_rw_enter(RUMPUSER_RW_WRITER, rw);
	r = (struct other){ .rw = rw, .op = RUMPUSER_RW_READER };
	w = (struct other){ .rw = rw, .op = RUMPUSER_RW_WRITER };
	pthread_create(&rt, NULL, blocking_enter, &r);
	pthread_create(&wt, NULL, blocking_enter, &w);
	fakehyp_msleep(50);
	rumpuser_rw_downgrade(rw);
	pthread_join(rt, NULL);
	assert_int_equal(r.got, 1);
	fakehyp_msleep(20);
	assert_int_equal(w.got, 0);
	rumpuser_rw_exit(rw);
	pthread_join(wt, NULL);
	assert_int_equal(w.got, 1);
	rumpuser_rw_destroy(rw);
}

#define NREADERS 3
#define NWRITERS 2
#define NLOOPS 100000

struct pair {
	struct rumpuser_rw *rw;
	volatile long a, b; /* equal whenever the lock is free */
	int bad;
};

static void *
writer_loop(void *arg)
{
	struct pair *p = arg;
	int i;

	for (i = 0; i < NLOOPS; i++) {
		rumpuser_rw_enter(RUMPUSER_RW_WRITER, p->rw);
		if (!held(RUMPUSER_RW_WRITER, p->rw))
			__atomic_add_fetch(&p->bad, 1, __ATOMIC_RELAXED);
		p->a++;
		p->b++;
		rumpuser_rw_exit(p->rw);
	}
	return NULL;
}

static void *
reader_loop(void *arg)
{
	struct pair *p = arg;
	int i;

	for (i = 0; i < NLOOPS; i++) {
		rumpuser_rw_enter(RUMPUSER_RW_READER, p->rw);
		if (p->a != p->b || held(RUMPUSER_RW_WRITER, p->rw))
			__atomic_add_fetch(&p->bad, 1, __ATOMIC_RELAXED);
		rumpuser_rw_exit(p->rw);
	}
	return NULL;
}

static void
test_stress(void **state)
{
	pthread_t tids[NREADERS + NWRITERS];
	struct pair p = { 0 };
	int i;

	(void)state;
	rumpuser_rw_init(&p.rw);
	for (i = 0; i < NREADERS + NWRITERS; i++)
		pthread_create(&tids[i], NULL,
		    i < NWRITERS ? writer_loop : reader_loop, &p);
	for (i = 0; i < NREADERS + NWRITERS; i++)
		pthread_join(tids[i], NULL);
	assert_int_equal(p.bad, 0);
	assert_int_equal(p.a, (long)NWRITERS * NLOOPS);
	assert_int_equal(p.b, (long)NWRITERS * NLOOPS);
	rumpuser_rw_destroy(p.rw);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readers),
		cmocka_unit_test(test_writer),
		cmocka_unit_test(test_upgrade_downgrade),
		cmocka_unit_test(test_blocking),
		cmocka_unit_test(test_downgrade_wakes_reader),
		cmocka_unit_test(test_stress),
	};

	fakehyp_init(0);
	return cmocka_run_group_tests_name("posix_rw", tests, NULL, NULL);
}
