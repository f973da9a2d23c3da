/*
 * sysproxy.c -- remote processes: rump_sysproxy_setcopy() gives the
 * calling thread's process copyops that hand every copy to the host
 * program serving its client (rump_server), which talks to the client.
 * The host functions block on a socket, so the CPU is given back while
 * they run, as a blocking hypercall would.
 */
#include <kern/kern.h>
#include <kern/lwp.h>
#include <abi/errno.h>
#include <rump/rump_sysproxy.h>

/* Set once by the server before it serves; the same for every client. */
static const struct rump_sysproxy_copyfns *host_fns;

static int
remote_copyin(void *arg, const void *uaddr, void *kaddr, size_t len)
{
	int error;

	rump_unschedule();
	error = host_fns->cf_copyin(arg, uaddr, kaddr, len);
	rump_schedule();
	return error;
}

static int
remote_copyout(void *arg, const void *kaddr, void *uaddr, size_t len)
{
	int error;

	rump_unschedule();
	error = host_fns->cf_copyout(arg, kaddr, uaddr, len);
	rump_schedule();
	return error;
}

static int
remote_copyinstr(void *arg, const void *uaddr, char *kaddr, size_t len,
    size_t *donep)
{
	size_t done = 0;
	int error;

	rump_unschedule();
	error = host_fns->cf_copyinstr(arg, uaddr, kaddr, len, &done);
	rump_schedule();
	if (error == 0 && donep != NULL)
		*donep = done;
	return error;
}

static const struct copyops remote_copyops = {
	.co_copyin = remote_copyin,
	.co_copyout = remote_copyout,
	.co_copyinstr = remote_copyinstr,
};

int
rump_sysproxy_setcopy(const struct rump_sysproxy_copyfns *fns, void *arg)
{
	struct lwp *l;

	if (fns == NULL || fns->cf_copyin == NULL || fns->cf_copyout == NULL ||
	    fns->cf_copyinstr == NULL)
		return EINVAL;
	if (host_fns != NULL && host_fns != fns)
		return EBUSY;
	host_fns = fns;
	rump_schedule();
	l = curlwp();
	if (l->l_flags & LW_IMPLICIT) {
		/* The default process serves the host itself: never remote. */
		rump_unschedule();
		return EINVAL;
	}
	l->l_proc->p_copyarg = arg;
	l->l_proc->p_copyops = &remote_copyops;
	rump_unschedule();
	return 0;
}
