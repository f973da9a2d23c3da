/*
 * rump/rump_sysproxy.h -- for host programs that run system calls on
 * behalf of callers in another address space (rump_server): the
 * kernel's copyin/copyout for such a process go to the host functions
 * here (sizes are unsigned long: size_t on both sides, without
 * needing a libc header in the kernel).  Provided by the rumpkern_sysproxy component.
 */
#ifndef RUMP_RUMP_SYSPROXY_H
#define RUMP_RUMP_SYSPROXY_H

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Host functions moving data between the kernel and a remote caller.
 * arg is what rump_sysproxy_setcopy was given for the process.  They
 * run without a virtual CPU and may block; they MUST NOT call into the
 * kernel.  Each returns 0 or a negative Linux errno (-EFAULT: the
 * caller's address is bad; -EIO: the caller is gone).
 *   cf_copyin     read len bytes at the caller's uaddr into kaddr
 *   cf_copyout    write len bytes from kaddr to the caller's uaddr
 *   cf_copyinstr  read a NUL-terminated string of at most len bytes
 *                 (NUL included) into kaddr, its length with the NUL in
 *                 *donep; -ENAMETOOLONG if no NUL within len
 */
struct rump_sysproxy_copyfns {
	int (*cf_copyin)(void *arg, const void *uaddr, void *kaddr,
	    unsigned long len);
	int (*cf_copyout)(void *arg, const void *kaddr, void *uaddr,
	    unsigned long len);
	int (*cf_copyinstr)(void *arg, const void *uaddr, char *kaddr,
	    unsigned long len, unsigned long *donep);
};

/*
 * rump_sysproxy_setcopy: make the process of the calling thread's lwp
 * (made with rump_lwproc_newproc/rfork) remote: its copies go through
 * fns with arg.  fns must stay valid for the kernel's life and be the
 * same on every call (EBUSY otherwise).  EINVAL: fns incomplete, or the
 * thread has no lwp of its own.
 */
int rump_sysproxy_setcopy(const struct rump_sysproxy_copyfns *fns,
    void *arg);

#ifdef __cplusplus
}
#endif

#endif /* RUMP_RUMP_SYSPROXY_H */
