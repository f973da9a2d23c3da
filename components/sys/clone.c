/*
 * clone.c -- rump_clone_thread(): threads for a libc running on the
 * kernel (musl's __clone in an image; see buildrump/musl/overlay).  The
 * new thread is a new lwp of the calling process on a host thread of its
 * own.  It runs on the platform's stack, not on the one the caller
 * allocated (only the platform can switch stacks; musl keeps nothing on
 * the thread's stack that the thread does not itself put there).
 */
#include "sys_int.h"
#include <abi/sched.h>
#include <rumpuser.h>
#include "syscall_table.h"  /* rump_syscall */

/* What musl's pthread_create passes, at least: a thread, not a process. */
#define CLONE_THREAD_NEEDS (CLONE_VM | CLONE_FS | CLONE_FILES | \
	CLONE_SIGHAND | CLONE_THREAD)
#define CLONE_THREAD_KNOWN (CLONE_THREAD_NEEDS | CLONE_SYSVSEM | \
	CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | \
	CLONE_DETACHED | CLONE_CHILD_SETTID)
#define CLONE_STACK_SIZE (256 * 1024)

int rump_clone_thread(int (*fn)(void *), void *arg, void *stack, int flags,
    void *tls, int *ptid, int *ctid);

struct clone_start {
	struct lwp *l;
	int (*fn)(void *);
	void *arg;
	void *tls;
	int flags;
};

static void *
clone_trampoline(void *v)
{
	struct clone_start cs = *(struct clone_start *)v;
	int r;

	lwp_bind(cs.l);
	if (cs.flags & CLONE_SETTLS)
		rumpuser_settls(cs.tls, NULL);
	rump_schedule();
	kmem_free(v, sizeof(cs));
	rump_unschedule();
	r = cs.fn(cs.arg);
	/* As if the thread had called exit(2): does not return. */
	rump_syscall(60 /* SYS_exit */, r, 0, 0, 0, 0, 0);
	panic("clone_trampoline: exit returned");
}

int
rump_clone_thread(int (*fn)(void *), void *arg, void *stack, int flags,
    void *tls, int *ptid, int *ctid)
{
	struct clone_start *cs;
	struct lwp *l;
	void *cookie, *old;
	pid_t tid;
	int error;

	(void)stack;
	if ((flags & CLONE_THREAD_NEEDS) != CLONE_THREAD_NEEDS ||
	    (flags & ~(CLONE_THREAD_KNOWN | 0xff)) != 0)
		return -ENOSYS;  /* new processes, namespaces... */
	/* A host whose libc owns the thread pointer cannot give one out. */
	if ((flags & CLONE_SETTLS) && rumpuser_settls(NULL, &old) == ENOSYS)
		return -ENOSYS;
	if (flags & CLONE_SETTLS)
		rumpuser_settls(old, NULL);

	rump_schedule();
	cs = kmem_alloc(sizeof(*cs), KM_SLEEP);
	if (cs == NULL) {
		error = -EAGAIN;
		goto out;
	}
	error = lwp_create(curproc, LW_CLONED, &l);
	if (error != 0)
		goto out_free;
	tid = l->l_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		l->l_clear_child_tid = ctid;
	/* The thread inherits the signal mask, as on Linux. */
	l->l_sigmask = curlwp()->l_sigmask;
	if ((flags & CLONE_PARENT_SETTID) &&
	    (error = copyout(&tid, ptid, sizeof(tid))) != 0)
		goto out_lwp;
	if ((flags & CLONE_CHILD_SETTID) &&
	    (error = copyout(&tid, ctid, sizeof(tid))) != 0)
		goto out_lwp;
	cs->l = l;
	cs->fn = fn;
	cs->arg = arg;
	cs->tls = tls;
	cs->flags = flags;
	error = rumpuser_thread_create(clone_trampoline, cs, "lwp", 0, -1, -1,
	    CLONE_STACK_SIZE, &cookie);
	if (error != 0) {
		error = -EAGAIN;
		goto out_lwp;
	}
	rump_unschedule();
	return tid;

out_lwp:
	lwp_discard(l);
out_free:
	kmem_free(cs, sizeof(*cs));
out:
	rump_unschedule();
	return error;
}
