/*
 * sys_resource.c -- resource limits, usage and system information:
 * getrlimit, setrlimit, prlimit64, getrusage, sysinfo; and RLIMIT_FSIZE
 * as the VFS enforces it.
 */
#include "sys_int.h"
#include <abi/resource.h>
#include <abi/sysinfo.h>

/* Linux's fs.nr_open default: RLIMIT_NOFILE's hard limit may not exceed. */
#define NR_OPEN_MAX (1024 * 1024)

static bool
cred_is_root(const struct cred *c)
{
	return c->cr_euid == 0;
}

/* May the caller change target's limits?  Linux: same ids, or root. */
static bool
may_prlimit(struct proc *target)
{
	struct cred c = curproc->p_cred, t;

	if (target == curproc || cred_is_root(&c))
		return true;
	mutex_enter(&target->p_lock);
	t = target->p_cred;
	mutex_exit(&target->p_lock);
	return c.cr_uid == t.cr_uid && c.cr_uid == t.cr_euid &&
	    c.cr_uid == t.cr_suid && c.cr_gid == t.cr_gid &&
	    c.cr_gid == t.cr_egid && c.cr_gid == t.cr_sgid;
}

/*
 * Read and/or set p's limit resource.  Checks as Linux's do_prlimit:
 * soft above hard is EINVAL; raising the hard limit needs root.
 */
static int
do_prlimit(struct proc *p, int resource, const struct rlimit64 *nl,
    struct rlimit64 *ol)
{
	struct rlimit *rl;

	if (resource < 0 || resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (nl != NULL) {
		if (nl->rlim_cur > nl->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && nl->rlim_max > NR_OPEN_MAX)
			return -EPERM;
	}
	mutex_enter(&p->p_lock);
	rl = &p->p_rlimit[resource];
	if (nl != NULL && nl->rlim_max > rl->rlim_max &&
	    !cred_is_root(&curproc->p_cred)) {
		mutex_exit(&p->p_lock);
		return -EPERM;
	}
	if (ol != NULL) {
		ol->rlim_cur = rl->rlim_cur;
		ol->rlim_max = rl->rlim_max;
	}
	if (nl != NULL) {
		rl->rlim_cur = nl->rlim_cur;
		rl->rlim_max = nl->rlim_max;
	}
	mutex_exit(&p->p_lock);
	return 0;
}

long
sys_getrlimit(int resource, struct rlimit *rlim)
{
	struct rlimit64 ol;
	struct rlimit k;
	int error;

	error = do_prlimit(curproc, resource, NULL, &ol);
	if (error != 0)
		return error;
	k.rlim_cur = ol.rlim_cur;
	k.rlim_max = ol.rlim_max;
	return copyout(&k, rlim, sizeof(k));
}

long
sys_setrlimit(int resource, const struct rlimit *rlim)
{
	struct rlimit64 nl;
	struct rlimit k;
	int error;

	error = copyin(rlim, &k, sizeof(k));
	if (error != 0)
		return error;
	nl.rlim_cur = k.rlim_cur;
	nl.rlim_max = k.rlim_max;
	return do_prlimit(curproc, resource, &nl, NULL);
}

long
sys_prlimit64(pid_t pid, int resource, const struct rlimit64 *new_limit,
    struct rlimit64 *old_limit)
{
	struct rlimit64 nl, ol;
	struct proc *p;
	int error;

	if (new_limit != NULL) {
		error = copyin(new_limit, &nl, sizeof(nl));
		if (error != 0)
			return error;
	}
	if (pid < 0)
		return -EINVAL;
	p = pid == 0 ? curproc : proc_find(pid);
	if (p == NULL)
		return -ESRCH;
	if (!may_prlimit(p)) {
		error = -EPERM;
		goto out;
	}
	error = do_prlimit(p, resource, new_limit != NULL ? &nl : NULL,
	    old_limit != NULL ? &ol : NULL);
	if (error == 0 && old_limit != NULL)
		error = copyout(&ol, old_limit, sizeof(ol));
out:
	if (pid != 0)
		proc_rele(p);
	return error;
}

static void
ns_to_timeval(int64_t ns, struct timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / 1000;
}

long
sys_getrusage(int who, struct rusage *usage)
{
	struct rusage ru;
	struct lwp *l = curlwp();
	struct proc *p = l->l_proc;
	uint64_t used, limit;
	int64_t stime = 0;

	memset(&ru, 0, sizeof(ru));
	switch (who) {
	case RUSAGE_THREAD:
		stime = l->l_stime_ns;
		break;
	case RUSAGE_SELF:
		mutex_enter(&p->p_lock);
		for (struct lwp *t = p->p_lwps; t != NULL; t = t->l_next)
			stime += t->l_stime_ns;
		mutex_exit(&p->p_lock);
		break;
	case RUSAGE_CHILDREN:
		break;  /* no reaped children are accounted (yet) */
	default:
		return -EINVAL;
	}
	ns_to_timeval(stime, &ru.ru_stime);
	if (who != RUSAGE_CHILDREN) {
		mem_stats(&used, &limit);
		ru.ru_maxrss = (long)(used / 1024);
	}
	return copyout(&ru, usage, sizeof(ru));
}

static int
count_proc(struct proc *p, void *arg)
{
	(void)p;
	(*(int *)arg)++;
	return 0;
}

/* Reported as total memory when RUMP_MEMLIMIT sets no cap. */
#define SYSINFO_NOLIMIT_RAM (1024UL * 1024 * 1024)

long
sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo si;
	uint64_t used, limit;
	int nproc = 0;

	memset(&si, 0, sizeof(si));
	si.uptime = (long)((nanouptime_ns() - boottime_ns()) / NSEC_PER_SEC);
	mem_stats(&used, &limit);
	si.totalram = limit != UINT64_MAX ? limit : used + SYSINFO_NOLIMIT_RAM;
	si.freeram = si.totalram > used ? si.totalram - used : 0;
	proc_foreach(count_proc, &nproc);
	si.procs = (uint16_t)MIN(nproc, 65535);
	si.mem_unit = 1;
	return copyout(&si, info, sizeof(si));
}

static rlim_t
fsize_cur(void)
{
	return atomic_load_relaxed(&curproc->p_rlimit[RLIMIT_FSIZE].rlim_cur);
}

bool
fsize_limited(void)
{
	return fsize_cur() != RLIM_INFINITY;
}

int
fsize_limit_write(off_t off, size_t *lenp)
{
	rlim_t lim = fsize_cur();

	if (lim == RLIM_INFINITY || *lenp == 0)
		return 0;
	if ((uint64_t)off >= lim) {
		sig_write_error(SIGXFSZ);
		return -EFBIG;
	}
	if (*lenp > lim - (uint64_t)off)
		*lenp = (size_t)(lim - (uint64_t)off);
	return 0;
}

int
fsize_limit_grow(off_t size)
{
	rlim_t lim = fsize_cur();

	if (lim == RLIM_INFINITY || (uint64_t)size <= lim)
		return 0;
	sig_write_error(SIGXFSZ);
	return -EFBIG;
}
