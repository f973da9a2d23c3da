/*
 * sys_misc.c -- system information and small per-thread settings:
 * uname, sethostname, prctl, getrandom, sched_yield and CPU affinity.
 */
#include "sys_int.h"
#include <abi/prctl.h>
#include <abi/random.h>
#include <abi/utsname.h>
#include <rumpuser.h>

/* What uname(2) says: Linux, so programs that parse it take Linux paths. */
#define UTS_SYSNAME "Linux"
#define UTS_RELEASE "6.1.0-rump"
#define UTS_VERSION "#1 rump kernel"
#define UTS_MACHINE "x86_64"
#define UTS_DOMAIN "(none)"

static kmutex_t uts_lock;

void
misc_init(void)
{
	mutex_init(&uts_lock, MUTEX_DEFAULT);
}

long
sys_uname(struct new_utsname *buf)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, UTS_SYSNAME, sizeof(u.sysname));
	mutex_enter(&uts_lock);
	strlcpy(u.nodename, hostname, sizeof(u.nodename));
	mutex_exit(&uts_lock);
	strlcpy(u.release, UTS_RELEASE, sizeof(u.release));
	strlcpy(u.version, UTS_VERSION, sizeof(u.version));
	strlcpy(u.machine, UTS_MACHINE, sizeof(u.machine));
	strlcpy(u.domainname, UTS_DOMAIN, sizeof(u.domainname));
	return copyout(&u, buf, sizeof(u));
}

long
sys_sethostname(const char *name, size_t len)
{
	char buf[UTSNAME_LEN];
	int error;

	if (curproc->p_cred.cr_euid != 0)
		return -EPERM;
	if (len > UTSNAME_LEN - 1)
		return -EINVAL;
	error = copyin(name, buf, len);
	if (error != 0)
		return error;
	buf[len] = '\0';
	mutex_enter(&uts_lock);
	memcpy(hostname, buf, len + 1);
	mutex_exit(&uts_lock);
	return 0;
}

long
sys_prctl(int option, unsigned long arg2, unsigned long arg3,
    unsigned long arg4, unsigned long arg5)
{
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	char name[TASK_COMM_LEN];
	int error;

	switch (option) {
	case PR_SET_NAME:
		memset(name, 0, sizeof(name));
		error = copyinstr((const void *)arg2, name, sizeof(name), NULL);
		if (error == -ENAMETOOLONG) {
			/* Linux truncates silently to 15 characters. */
			error = copyin((const void *)arg2, name,
			    sizeof(name) - 1);
			name[sizeof(name) - 1] = '\0';
		}
		if (error != 0)
			return error;
		mutex_enter(&p->p_lock);
		strlcpy(l->l_name, name, sizeof(l->l_name));
		if (l->l_tid == p->p_pid)
			strlcpy(p->p_comm, name, sizeof(p->p_comm));
		mutex_exit(&p->p_lock);
		return 0;
	case PR_GET_NAME:
		mutex_enter(&p->p_lock);
		strlcpy(name, l->l_name, sizeof(name));
		mutex_exit(&p->p_lock);
		return copyout(name, (void *)arg2, sizeof(name));
	case PR_GET_DUMPABLE:
		return 1;
	case PR_SET_DUMPABLE:
		return arg2 <= 1 ? 0 : -EINVAL;
	case PR_SET_NO_NEW_PRIVS:
		/* Nothing here gains privileges on exec: always true. */
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		return 1;
	case PR_GET_TID_ADDRESS:
		return copyout(&l->l_clear_child_tid, (void *)arg2,
		    sizeof(void *));
	default:
		return -EINVAL;
	}
}

/* Linux reads at most this much per getrandom call. */
#define GETRANDOM_MAX ((size_t)(INT_MAX & ~(int)PAGE_MASK))

long
sys_getrandom(void *buf, size_t buflen, unsigned int flags)
{
	uint64_t got = 0;
	int error;

	if (flags & ~(unsigned)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	buflen = MIN(buflen, GETRANDOM_MAX);
	if (!uaddr_ok(buf, buflen))
		return -EFAULT;
	if (buflen == 0)
		return 0;
	error = rumpuser_getrandom(buf, buflen,
	    (flags & (GRND_NONBLOCK | GRND_INSECURE)) ? RUMPUSER_RANDOM_NOWAIT
						      : 0, &got);
	if (error != 0)
		return -error;
	if (got == 0 && (flags & GRND_NONBLOCK))
		return -EAGAIN;
	return (long)got;
}

long
sys_sched_yield(void)
{
	sched_yield_cpu();
	return 0;
}

/* The lwp tid (0: the caller) exists? */
static int
tid_exists(pid_t tid)
{
	struct proc *p;

	if (tid < 0)
		return -EINVAL;
	if (tid == 0 || tid == curlwp()->l_tid)
		return 0;
	p = proc_find(tid);  /* a pid is its first lwp's tid */
	if (p != NULL) {
		proc_rele(p);
		return 0;
	}
	p = curproc;
	mutex_enter(&p->p_lock);
	tid = lwp_find(p, tid) != NULL ? 0 : -ESRCH;
	mutex_exit(&p->p_lock);
	return tid;
}

long
sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long *mask)
{
	unsigned long m;
	int error;

	/* Linux: room for every possible CPU, in whole longs. */
	if (len * 8 < (unsigned)ncpu || (len & (sizeof(long) - 1)))
		return -EINVAL;
	error = tid_exists(pid);
	if (error != 0)
		return error;
	m = ncpu >= 64 ? ~0UL : (1UL << ncpu) - 1;
	/* Linux writes and returns only the bytes of its own mask. */
	error = copyout(&m, mask, sizeof(m));
	return error == 0 ? (long)sizeof(m) : error;
}

/*
 * Virtual CPUs are not bound to threads: affinity has no effect, but a
 * mask without any of our CPUs is refused as Linux does.
 */
long
sys_sched_setaffinity(pid_t pid, unsigned int len, const unsigned long *mask)
{
	unsigned long m = 0, all;
	int error;

	error = tid_exists(pid);
	if (error != 0)
		return error;
	error = copyin(mask, &m, MIN(len, sizeof(m)));
	if (error != 0)
		return error;
	all = ncpu >= 64 ? ~0UL : (1UL << ncpu) - 1;
	return (m & all) != 0 ? 0 : -EINVAL;
}

/* personality(2): only PER_LINUX (0) exists here; 0xffffffff queries. */
#define PER_LINUX 0
#define PER_QUERY 0xffffffffU

long
sys_personality(unsigned int persona)
{
	if (persona == PER_QUERY || persona == PER_LINUX)
		return PER_LINUX;
	return -EINVAL;
}

long
sys_getcpu(unsigned int *cpu, unsigned int *node, void *tcache)
{
	unsigned int c = (unsigned int)curcpu()->ci_index, n = 0;
	int error = 0;

	(void)tcache;  /* unused since Linux 2.6.24 */
	if (cpu != NULL)
		error = copyout(&c, cpu, sizeof(c));
	if (error == 0 && node != NULL)
		error = copyout(&n, node, sizeof(n));
	return error;
}
