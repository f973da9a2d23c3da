/*
 * copy.c -- moving data between the kernel and callers' buffers.  The
 * caller shares the kernel's address space (hosted: the host process;
 * hw: the one image), so a copy is a memcpy once the address range has
 * been checked to be one a caller could own: not in the NULL page, not
 * beyond the x86_64 user half (canonical lower half), not wrapping.
 * A remote caller's process (rump_server) has copyops that fetch and
 * store over its connection instead.
 */
#include "sys_int.h"

/* The top of the lower canonical half of x86_64 (47-bit addresses). */
#define UADDR_MAX 0x00007fffffffffffUL
/* Dereferencing near NULL is always a bug in the caller. */
#define UADDR_MIN 4096UL

bool
uaddr_ok(const void *uaddr, size_t len)
{
	uintptr_t a = (uintptr_t)uaddr;

	if (len == 0)
		return true;
	if (a < UADDR_MIN || a > UADDR_MAX)
		return false;
	return len - 1 <= UADDR_MAX - a;
}

int
copyin(const void *uaddr, void *kaddr, size_t len)
{
	struct lwp *l = curlwp();

	if (!uaddr_ok(uaddr, len))
		return -EFAULT;
	if (l != NULL && l->l_proc->p_copyops != NULL)
		return l->l_proc->p_copyops->co_copyin(l->l_proc->p_copyarg,
		    uaddr, kaddr, len);
	memcpy(kaddr, uaddr, len);
	return 0;
}

int
copyout(const void *kaddr, void *uaddr, size_t len)
{
	struct lwp *l = curlwp();

	if (!uaddr_ok(uaddr, len))
		return -EFAULT;
	if (l != NULL && l->l_proc->p_copyops != NULL)
		return l->l_proc->p_copyops->co_copyout(l->l_proc->p_copyarg,
		    kaddr, uaddr, len);
	memcpy(uaddr, kaddr, len);
	return 0;
}

int
copyinstr(const void *uaddr, char *kaddr, size_t len, size_t *donep)
{
	uintptr_t a = (uintptr_t)uaddr;
	const char *s = uaddr;
	struct lwp *l = curlwp();
	size_t n, max;

	if (a < UADDR_MIN || a > UADDR_MAX)
		return -EFAULT;
	if (len == 0)
		return -ENAMETOOLONG;
	if (l != NULL && l->l_proc->p_copyops != NULL)
		return l->l_proc->p_copyops->co_copyinstr(l->l_proc->p_copyarg,
		    uaddr, kaddr, MIN(len, UADDR_MAX - a + 1), donep);
	/* Read no further than the end of the user half. */
	max = MIN(len, UADDR_MAX - a + 1);
	n = strnlen(s, max);
	if (n == max)
		return max < len ? -EFAULT : -ENAMETOOLONG;
	memcpy(kaddr, s, n + 1);
	if (donep != NULL)
		*donep = n + 1;
	return 0;
}

int
uiomove(void *kbuf, size_t n, struct uio *uio)
{
	char *k = kbuf;
	int error;

	while (n > 0 && uio->uio_resid > 0) {
		struct iovec *iov = uio->uio_iov;
		size_t cnt;

		if (uio->uio_iovcnt <= 0)
			break;
		/* uio_resid may be less than the vectors hold (a write
		 * cut at RLIMIT_FSIZE): it bounds the transfer. */
		cnt = MIN(MIN(iov->iov_len, n), uio->uio_resid);
		if (cnt == 0) {
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		if (uio->uio_user) {
			error = uio->uio_rw == UIO_READ
			    ? copyout(k, iov->iov_base, cnt)
			    : copyin(iov->iov_base, k, cnt);
			if (error != 0)
				return error;
		} else if (uio->uio_rw == UIO_READ) {
			memcpy(iov->iov_base, k, cnt);
		} else {
			memcpy(k, iov->iov_base, cnt);
		}
		iov->iov_base = (char *)iov->iov_base + cnt;
		iov->iov_len -= cnt;
		uio->uio_resid -= cnt;
		uio->uio_offset += (off_t)cnt;
		k += cnt;
		n -= cnt;
	}
	return 0;
}

int
iov_import(const struct iovec *uiov, int iovcnt, struct iovec *fast,
    struct iovec **iovp, struct uio *uio, int rw)
{
	struct iovec *iov = fast;
	size_t total = 0;
	int error;

	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return -EINVAL;
	if (iovcnt > UIO_FASTIOV) {
		iov = kmem_alloc((size_t)iovcnt * sizeof(*iov), KM_SLEEP);
		if (iov == NULL)
			return -ENOMEM;
	}
	error = copyin(uiov, iov, (size_t)iovcnt * sizeof(*iov));
	if (error != 0)
		goto out_free;
	for (int i = 0; i < iovcnt; i++) {
		/* Linux: the sum must fit in ssize_t. */
		if (iov[i].iov_len > (size_t)LONG_MAX - total) {
			error = -EINVAL;
			goto out_free;
		}
		total += iov[i].iov_len;
	}
	uio->uio_iov = iov;
	uio->uio_iovcnt = iovcnt;
	uio->uio_offset = 0;
	uio->uio_resid = total;
	uio->uio_rw = rw;
	uio->uio_user = true;
	*iovp = iov;
	return 0;

out_free:
	iov_free(iov, fast, iovcnt);
	return error;
}

void
iov_free(struct iovec *iov, struct iovec *fast, int iovcnt)
{
	if (iov != fast)
		kmem_free(iov, (size_t)iovcnt * sizeof(*iov));
}
