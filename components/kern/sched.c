/*
 * sched.c -- virtual CPUs.  A host thread runs kernel code only while it
 * owns one of the ncpu cpu_info slots; taking one is a compare-and-swap
 * on the slot's owner word, so the uncontended kernel entry and exit cost
 * two atomic operations.  When all are taken, the thread sleeps on a host
 * condition variable until a slot is given back.
 */
#include "kern_int.h"
#include <rumpuser.h>

struct cpu_info cpu_infos[MAXCPUS];
int ncpu;

static struct rumpuser_mtx *sched_mtx;
static struct rumpuser_cv *sched_cv;
static unsigned int sched_waiters;

void
sched_init(int n)
{
	ncpu = n;
	for (int i = 0; i < n; i++)
		cpu_infos[i].ci_index = i;
	rumpuser_mutex_init(&sched_mtx, 0);
	rumpuser_cv_init(&sched_cv);
}

static inline bool
cpu_try(struct cpu_info *ci, struct lwp *l)
{
	struct lwp *expect = NULL;

	return __atomic_compare_exchange_n(&ci->ci_curlwp, &expect, l, 0,
	    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static struct cpu_info *
cpu_grab(struct lwp *l)
{
	struct cpu_info *ci = l->l_lastcpu;

	if (ci != NULL && cpu_try(ci, l))
		return ci;
	for (int i = 0; i < ncpu; i++)
		if (cpu_try(&cpu_infos[i], l))
			return &cpu_infos[i];
	return NULL;
}

/* sched_lwp: l (bound to the calling thread) takes a virtual CPU. */
void
sched_lwp(struct lwp *l)
{
	struct cpu_info *ci;

	KASSERT(l->l_cpu == NULL);
	ci = cpu_grab(l);
	if (__predict_false(ci == NULL)) {
		if (ncpu == 0)
			panic("rump kernel entered before rump_init() succeeded");
		/*
		 * Slow path.  The waiter count is raised and the slots
		 * re-checked under sched_mtx; a releaser that sees the
		 * count takes sched_mtx before signalling, so the wake-up
		 * cannot fall between our check and our wait.
		 */
		rumpuser_mutex_enter_nowrap(sched_mtx);
		__atomic_add_fetch(&sched_waiters, 1, __ATOMIC_SEQ_CST);
		while ((ci = cpu_grab(l)) == NULL)
			rumpuser_cv_wait_nowrap(sched_cv, sched_mtx);
		__atomic_sub_fetch(&sched_waiters, 1, __ATOMIC_SEQ_CST);
		rumpuser_mutex_exit(sched_mtx);
	}
	l->l_cpu = ci;
}

/* unsched_lwp: l gives its CPU back. */
void
unsched_lwp(struct lwp *l)
{
	struct cpu_info *ci = l->l_cpu;

	KASSERT(ci != NULL && ci->ci_curlwp == l);
	l->l_cpu = NULL;
	l->l_lastcpu = ci;
	__atomic_store_n(&ci->ci_curlwp, NULL, __ATOMIC_SEQ_CST);
	if (__predict_false(__atomic_load_n(&sched_waiters, __ATOMIC_SEQ_CST))) {
		rumpuser_mutex_enter_nowrap(sched_mtx);
		rumpuser_cv_signal(sched_cv);
		rumpuser_mutex_exit(sched_mtx);
	}
}

void
rump_schedule(void)
{
	struct lwp *l = curlwp();

	if (__predict_false(l == NULL)) {
		lwp_implicit_enter();
		return;
	}
	sched_lwp(l);
}

void
rump_unschedule(void)
{
	unsched_lwp(curlwp());
}

void
sched_yield_cpu(void)
{
	struct lwp *l = curlwp();

	if (__atomic_load_n(&sched_waiters, __ATOMIC_RELAXED) == 0) {
		rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, 0, 0);
		return;
	}
	unsched_lwp(l);
	sched_lwp(l);
}

/*
 * Upcalls from blocking hypercalls.  They tolerate being called by a
 * thread that holds no CPU (a hypercall made while entering the kernel),
 * and then do nothing: l_hypwait remembers whether there is a CPU to
 * take back.
 */
void
hyp_unschedule(void)
{
	struct lwp *l = curlwp();

	if (l == NULL || l->l_cpu == NULL)
		return;
	l->l_hypwait = 1;
	unsched_lwp(l);
}

void
hyp_schedule(void)
{
	struct lwp *l = curlwp();

	if (l == NULL || !l->l_hypwait)
		return;
	l->l_hypwait = 0;
	sched_lwp(l);
}
