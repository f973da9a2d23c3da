/*
 * syscall.c -- rump_syscall(), the one entry of every system call: take
 * a virtual CPU, dispatch through the generated table, deliver pending
 * signals on the way out.  The path for an implemented call takes no
 * lock and allocates nothing.
 */
#include "sys_int.h"
#include <rumpuser.h>
#include "syscall_table.h"

/* One bit per number: its "not implemented" message was printed. */
#define ENOSYS_BITS 512
static unsigned long enosys_logged[ENOSYS_BITS / (8 * sizeof(long))];

void
syscall_init(void)
{
	KASSERT(syscall_table_size <= ENOSYS_BITS);
}

static void
syscall_enosys(unsigned long nr)
{
	const unsigned long nbits = 8 * sizeof(long);
	unsigned long bit, old;
	const char *name = NULL;

	if (nr >= ENOSYS_BITS)
		nr = ENOSYS_BITS - 1;  /* all far-out numbers share a bit */
	bit = 1UL << (nr % nbits);
	old = __atomic_fetch_or(&enosys_logged[nr / nbits], bit,
	    __ATOMIC_RELAXED);
	if (old & bit)
		return;
	if (nr < syscall_table_size)
		name = syscall_table[nr].name;
	if (name != NULL)
		printf("rump: system call %s (%lu) not implemented\n", name, nr);
	else
		printf("rump: system call number %lu not implemented\n", nr);
}

/*
 * A call returned -ERESTARTSYS: run the signal handlers, then call it
 * again if they all allow it (SA_RESTART).  Returns the final result;
 * *exitedp is set if the lwp exited meanwhile (no CPU, l is gone).
 */
static long
syscall_restart(struct lwp *l, long (*call)(const long *), const long *args,
    bool *exitedp)
{
	long r = -ERESTARTSYS;
	int d;

	while (r == -ERESTARTSYS) {
		if (atomic_load_relaxed(&l->l_flags) & LW_WEXIT)
			return -EINTR;  /* the caller exits */
		rump_unschedule();
		d = sig_deliver(l, true);
		if (d & SIGD_EXITED) {
			*exitedp = true;
			return -EINTR;
		}
		rump_schedule();
		if (d & SIGD_NORESTART)
			return -EINTR;
		r = call(args);
	}
	return r;
}

long
rump_syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	const long args[6] = { a1, a2, a3, a4, a5, a6 };
	long (*call)(const long *) = NULL;
	bool exited = false;
	struct lwp *l;
	sigset_t pend;
	long r;

	rump_schedule();
	l = curlwp();
	l->l_syscalls++;
	if (__predict_false(atomic_load_relaxed(&l->l_flags) & LW_WEXIT)) {
		/* The process was killed while this thread was outside. */
		lwp_exit();
		return -EINTR;
	}
	if (__predict_true((unsigned long)nr < syscall_table_size) &&
	    __predict_true((call = syscall_table[nr].call) != NULL))
		r = call(args);
	else
		r = -ENOSYS;
	if (__predict_false(r == -ENOSYS || r == -ERESTARTSYS)) {
		if (r == -ENOSYS)
			syscall_enosys((unsigned long)nr);
		else
			r = syscall_restart(l, call, args, &exited);
		if (exited)
			return r;
	}
	if (__predict_false(atomic_load_relaxed(&l->l_flags) & LW_WEXIT)) {
		bool cloned = (l->l_flags & LW_CLONED) != 0;

		lwp_exit();  /* exit, exit_group or a fatal signal */
		/* A program thread of ours ends with its lwp. */
		if (cloned)
			rumpuser_thread_exit();
		return r;
	}
	pend = atomic_load_relaxed(&l->l_sigpend) & ~l->l_sigmask;
	rump_unschedule();
	if (__predict_false(pend != 0))
		(void)sig_deliver(l, true);
	return r;
}
