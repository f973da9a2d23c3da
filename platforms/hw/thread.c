/*
 * thread.c -- the rumpuser thread calls on the cooperative scheduler:
 * create/exit/join, the current-lwp hook, and the TLS entry points the
 * libc glue uses (rumpuser_hw_settls/gettls).
 */
#include "hw/hyp.h"
#include "hw/lib.h"
#include "hw/sched.h"

/* Declared for the libc glue (no header of ours is installed for it). */
void rumpuser_hw_settls(void *tp);
void *rumpuser_hw_gettls(void);

int rumpuser_thread_create(void *(*fn)(void *), void *arg, const char *name,
    int joinable, int priority, int cpuidx, uint64_t stacksize,
    void **cookie)
{
	struct rumphw_thread *t;
	int error;

	(void)priority; /* hints: one CPU, no priorities */
	(void)cpuidx;
	if (fn == NULL || (joinable && cookie == NULL))
		return HW_EINVAL;
	if (stacksize > (1ULL << 32))
		return HW_EINVAL;
	error = rumphw_thread_create(name, fn, arg, stacksize, joinable != 0, &t);
	if (error)
		return error;
	if (joinable)
		*cookie = t;
	return 0;
}

void rumpuser_thread_exit(void)
{
	rumphw_thread_exit();
}

int rumpuser_thread_join(void *cookie)
{
	struct rumphw_thread *t = cookie;

	if (t == NULL || !t->joinable)
		return HW_EINVAL;
	if (t == rumphw_curthread())
		return HW_EDEADLK;
	if (!t->done) {
		rumphw_hyp_unschedule();
		rumphw_thread_join(t);
		rumphw_hyp_schedule();
	} else {
		rumphw_thread_join(t);
	}
	return 0;
}

void rumpuser_curlwpop(int op, void *lwp)
{
	struct rumphw_thread *t = rumphw_curthread();

	switch (op) {
	case RUMPUSER_LWP_CREATE:
	case RUMPUSER_LWP_DESTROY:
		break; /* the pointer lives in the thread: nothing to prepare */
	case RUMPUSER_LWP_SET:
		if (t->lwp != NULL && t->lwp != lwp)
			rumphw_panic("curlwp SET over a bound lwp on \"%s\"",
			    t->name);
		t->lwp = lwp;
		break;
	case RUMPUSER_LWP_CLEAR:
		t->lwp = NULL;
		break;
	default:
		rumphw_panic("rumpuser_curlwpop: unknown op %d", op);
	}
}

void *rumpuser_curlwp(void)
{
	return rumphw_curthread()->lwp;
}

void rumpuser_seterrno(int error)
{
	rumphw_curthread()->error = error;
}

void rumpuser_hw_settls(void *tp)
{
	rumphw_curthread()->tls = (uintptr_t)tp;
	rumphw_md_settls((uintptr_t)tp);
}

int rumpuser_settls(void *tp, void **oldp)
{
	if (oldp != NULL)
		*oldp = rumpuser_hw_gettls();
	rumpuser_hw_settls(tp);
	return 0;
}

void *rumpuser_hw_gettls(void)
{
	return (void *)rumphw_curthread()->tls;
}
