/*
 * kthread.c -- kernel threads: host threads that run as lwps of proc0.
 */
#include "kern_int.h"
#include <rumpuser.h>

struct kthread_start {
	struct lwp *l;
	void (*fn)(void *);
	void *arg;
};

static void *
kthread_trampoline(void *v)
{
	struct kthread_start ks = *(struct kthread_start *)v;

	lwp_bind(ks.l);
	sched_lwp(ks.l);
	kmem_free(v, sizeof(ks));
	ks.fn(ks.arg);
	lwp_exit();
	rumpuser_thread_exit();
}

int
kthread_create(void (*fn)(void *), void *arg, const char *name,
    bool joinable, struct lwp **lp)
{
	struct kthread_start *ks;
	struct lwp *l;
	int error;

	ks = kmem_alloc(sizeof(*ks), KM_SLEEP);
	if (ks == NULL)
		return -ENOMEM;
	error = lwp_create(&proc0, LW_SYSTEM | (joinable ? LW_JOINABLE : 0),
	    &l);
	if (error != 0)
		goto out_free_ks;
	strlcpy(l->l_name, name, sizeof(l->l_name));
	ks->l = l;
	ks->fn = fn;
	ks->arg = arg;
	error = rumpuser_thread_create(kthread_trampoline, ks, name,
	    joinable, -1, -1, 0, &l->l_hostthread);
	if (error != 0) {
		error = -error;
		goto out_free_lwp;
	}
	if (lp != NULL)
		*lp = l;
	return 0;

out_free_lwp:
	lwp_discard(l);
out_free_ks:
	kmem_free(ks, sizeof(*ks));
	return error;
}

int
kthread_join(struct lwp *l)
{
	int error;

	KASSERT(l->l_flags & LW_JOINABLE);
	error = rumpuser_thread_join(l->l_hostthread);
	if (error != 0)
		return -error;
	lwp_free(l);
	return 0;
}
