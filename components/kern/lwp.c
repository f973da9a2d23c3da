/*
 * lwp.c -- lwps: creation, binding to host threads, exit, and the
 * implicit lwps of host threads that enter the kernel without one.
 */
#include "kern_int.h"
#include <rumpuser.h>

static pid_t next_tid; /* pid 0 is proc0's; the first allocation is 1 */

pid_t
tid_alloc(void)
{
	pid_t t = __atomic_add_fetch(&next_tid, 1, __ATOMIC_RELAXED);

	/* Monotonic; 2^31 ids are far beyond a rump kernel's lifetime. */
	KASSERT(t > 0);
	return t;
}

struct lwp *
curlwp(void)
{
	return rumpuser_curlwp();
}

struct lwp *
lwp_alloc(struct proc *p, int flags)
{
	struct lwp *l = kmem_zalloc(sizeof(*l), KM_SLEEP);

	if (l == NULL)
		return NULL;
	l->l_proc = p;
	l->l_flags = flags;
	l->l_tid = tid_alloc();
	strlcpy(l->l_name, p->p_comm, sizeof(l->l_name));
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, l);
	return l;
}

void
lwp_free(struct lwp *l)
{
	rumpuser_curlwpop(RUMPUSER_LWP_DESTROY, l);
	if (l->l_flags & LW_IMPLICIT)
		rumpuser_free(l, sizeof(*l));
	else
		kmem_free(l, sizeof(*l));
}

static void
lwp_link(struct proc *p, struct lwp *l)
{
	l->l_next = p->p_lwps;
	p->p_lwps = l;
	p->p_nlwps++;
}

int
lwp_create(struct proc *p, int flags, struct lwp **lp)
{
	struct lwp *l = lwp_alloc(p, flags);

	if (l == NULL)
		return -ENOMEM;
	mutex_enter(&p->p_lock);
	if (p->p_flags & PK_EXITING) {
		mutex_exit(&p->p_lock);
		lwp_free(l);
		return -EAGAIN;
	}
	lwp_link(p, l);
	mutex_exit(&p->p_lock);
	*lp = l;
	return 0;
}

void
lwp_discard(struct lwp *l)
{
	struct proc *p = l->l_proc;

	mutex_enter(&p->p_lock);
	for (struct lwp **pp = &p->p_lwps; *pp != NULL; pp = &(*pp)->l_next) {
		if (*pp == l) {
			*pp = l->l_next;
			p->p_nlwps--;
			break;
		}
	}
	mutex_exit(&p->p_lock);
	lwp_free(l);
}

struct lwp *
lwp_find(struct proc *p, pid_t tid)
{
	KASSERT(mutex_owned(&p->p_lock));
	for (struct lwp *l = p->p_lwps; l != NULL; l = l->l_next)
		if (l->l_tid == tid)
			return l;
	return NULL;
}

void
lwp_bind(struct lwp *l)
{
	KASSERT(!(l->l_flags & LW_BOUND));
	l->l_flags |= LW_BOUND;
	rumpuser_curlwpop(RUMPUSER_LWP_SET, l);
}

void
lwp_unbind(struct lwp *l)
{
	KASSERT(l->l_flags & LW_BOUND);
	rumpuser_curlwpop(RUMPUSER_LWP_CLEAR, l);
	l->l_flags &= ~LW_BOUND;
}

/*
 * A host thread entered without an lwp.  The lwp is made from host
 * memory directly, because kmem may not be used before holding a CPU,
 * and it is linked into the default process once the CPU is held.  It
 * stays bound until the host thread exits (hyp_lwpexit), so later entries
 * cost nothing extra.
 */
void
lwp_implicit_enter(void)
{
	struct proc *p = proc_default();
	struct lwp *l;

	if (p == NULL)
		panic("rump kernel entered before rump_init() succeeded");
	if (rumpuser_malloc(sizeof(*l), 0, (void **)&l) != 0)
		panic("no memory for an implicit lwp");
	memset(l, 0, sizeof(*l));
	l->l_proc = p;
	l->l_flags = LW_IMPLICIT;
	l->l_tid = tid_alloc();
	strlcpy(l->l_name, "host", sizeof(l->l_name));
	rumpuser_curlwpop(RUMPUSER_LWP_CREATE, l);
	lwp_bind(l);
	sched_lwp(l);
	mutex_enter(&p->p_lock);
	lwp_link(p, l);
	mutex_exit(&p->p_lock);
}

static struct proc_hooks *lwp_hooks_of_exit(void);

void
lwp_exit(void)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	struct lwp **lpp;
	bool last;

	for (struct proc_hooks *ph = lwp_hooks_of_exit(); ph; ph = ph->ph_next)
		if (ph->ph_lwpexit != NULL)
			ph->ph_lwpexit(l);

	mutex_enter(&p->p_lock);
	for (lpp = &p->p_lwps; *lpp != l; lpp = &(*lpp)->l_next)
		KASSERT(*lpp != NULL);
	*lpp = l->l_next;
	last = --p->p_nlwps == 0;
	if (last)
		p->p_flags |= PK_EXITING;
	mutex_exit(&p->p_lock);

	if (last)
		proc_lwp_gone(p);

	unsched_lwp(l);
	lwp_unbind(l);
	if (!(l->l_flags & LW_JOINABLE))
		lwp_free(l);
}

void
hyp_lwpexit(void *arg)
{
	struct lwp *l = arg;

	/* The host unbound it already or is about to; bind it to finish. */
	rumpuser_curlwpop(RUMPUSER_LWP_SET, l);
	l->l_flags |= LW_BOUND;
	sched_lwp(l);
	lwp_exit();
}

bool
lwp_intr_pending(struct lwp *l)
{
	uint64_t pend;

	if (l->l_flags & LW_WEXIT)
		return true;
	pend = __atomic_load_n(&l->l_sigpend, __ATOMIC_RELAXED);
	return (pend & ~l->l_sigmask) != 0;
}

void
lwp_wakeup_intr(struct lwp *l)
{
	/*
	 * Broadcast without the sleeper's mutex: taking it here, under
	 * p_lock, would invert the sleeper's order (its mutex, then
	 * p_lock).  The sleeper clears l_sleepcv under p_lock before it
	 * returns, so the condvar is alive while we hold p_lock.  A
	 * broadcast that falls between the sleeper's check and its wait is
	 * caught by the bounded slice in cv_wait_sig.
	 */
	KASSERT(mutex_owned(&l->l_proc->p_lock));
	if (l->l_sleepcv != NULL)
		cv_broadcast(l->l_sleepcv);
}

/* The hook list lives in proc.c; this keeps lwp.c free of its layout. */
extern struct proc_hooks *proc_hook_list;
static struct proc_hooks *
lwp_hooks_of_exit(void)
{
	return proc_hook_list;
}
