/*
 * poll.c -- poll, ppoll, select and pselect6: scan the files' fo_poll,
 * and if nothing is ready, sleep on a pollwait every scanned file has
 * registered with until one notifies, the time runs out or a signal
 * comes.
 */
#include "sys_int.h"
#include <abi/select.h>

/* What select's three sets mean in poll bits (as Linux's POLL*_SET). */
#define SEL_IN (POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SEL_OUT (POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SEL_EX (POLLPRI)

#define POLL_FASTFDS 32

/* Poll kfds[0..n) once, registering pw; the number with revents. */
static int
poll_scan(struct pollfd *kfds, unsigned int n, struct pollwait *pw)
{
	int ready = 0;

	for (unsigned int i = 0; i < n; i++) {
		struct file *f;
		int events = kfds[i].events | POLLERR | POLLHUP;

		kfds[i].revents = 0;
		if (kfds[i].fd < 0)
			continue;
		f = fd_getfile(kfds[i].fd);
		if (f == NULL) {
			kfds[i].revents = POLLNVAL;
		} else {
			int r = f->f_ops->fo_poll != NULL
			    ? f->f_ops->fo_poll(f, events, pw)
			    : (events & (POLLIN | POLLOUT | POLLRDNORM |
				POLLWRNORM));
			kfds[i].revents = (int16_t)(r & events);
			file_rele(f);
		}
		if (kfds[i].revents != 0)
			ready++;
	}
	return ready;
}

/* poll with a monotonic deadline (< 0: none, 0: just look). */
static long
do_poll(struct pollfd *ufds, unsigned int nfds, int64_t deadline)
{
	struct pollfd fast[POLL_FASTFDS], *kfds = fast;
	struct pollwait pw;
	long r;
	int gen;

	if (nfds > (unsigned int)fd_nofile())
		return -EINVAL;
	if (nfds > POLL_FASTFDS) {
		kfds = kmem_alloc(nfds * sizeof(*kfds), KM_SLEEP);
		if (kfds == NULL)
			return -ENOMEM;
	}
	r = copyin(ufds, kfds, nfds * sizeof(*kfds));
	if (r != 0)
		goto out_free;
	pollwait_init(&pw);
	for (;;) {
		gen = pollwait_gen(&pw);
		r = poll_scan(kfds, nfds, deadline == 0 ? NULL : &pw);
		if (r != 0 || deadline == 0)
			break;
		r = pollwait_sleep(&pw, gen, deadline);
		if (r == -ETIMEDOUT) {
			r = 0;
			break;
		}
		if (r != 0)
			break;
	}
	pollwait_destroy(&pw);
	if (r >= 0) {
		for (unsigned int i = 0; i < nfds && r >= 0; i++) {
			int e = copyout(&kfds[i].revents, &ufds[i].revents,
			    sizeof(kfds[i].revents));
			if (e != 0)
				r = e;
		}
	}
out_free:
	if (kfds != fast)
		kmem_free(kfds, nfds * sizeof(*kfds));
	return r;
}

long
sys_poll(struct pollfd *fds, unsigned int nfds, int timeout)
{
	int64_t deadline = -1;

	if (timeout >= 0)
		deadline = timeout == 0 ? 0
		    : deadline_from((int64_t)timeout * 1000000);
	return do_poll(fds, nfds, deadline);
}

/* Write back the time left of a deadline, as Linux does for ppoll etc. */
static void
ts_left(int64_t deadline, struct timespec *uts)
{
	struct timespec ts = { 0, 0 };
	int64_t left = deadline - nanouptime_ns();

	if (deadline > 0 && left > 0) {
		ts.tv_sec = left / NSEC_PER_SEC;
		ts.tv_nsec = left % NSEC_PER_SEC;
	}
	(void)copyout(&ts, uts, sizeof(ts));
}

/* Deadline of a caller's relative timespec (NULL: none). */
static int
ts_deadline(const struct timespec *uts, int64_t *deadlinep)
{
	int64_t ns;
	int error;

	*deadlinep = -1;
	if (uts == NULL)
		return 0;
	error = ts_import(uts, &ns);
	if (error != 0)
		return error;
	*deadlinep = ns == 0 ? 0 : deadline_from(ns);
	return 0;
}

long
sys_ppoll(struct pollfd *fds, unsigned int nfds, struct timespec *tmo_p,
    const sigset_t *sigmask, size_t sigsetsize)
{
	int64_t deadline;
	sigset_t old;
	long r;

	r = ts_deadline(tmo_p, &deadline);
	if (r != 0)
		return r;
	if (sigmask != NULL) {
		r = sig_mask_swap(sigmask, sigsetsize, &old);
		if (r != 0)
			return r;
	}
	r = do_poll(fds, nfds, deadline);
	if (sigmask != NULL)
		sig_mask_restore(old);
	if (tmo_p != NULL)
		ts_left(deadline, tmo_p);
	return r;
}

/*
 * select: three bitmaps of nfds bits.  Sets are copied in whole, polled
 * as poll would, and written back only on success.
 */
static long
do_select(int nfds, fd_set *ur, fd_set *uw, fd_set *ue, int64_t deadline)
{
	fd_set *const usets[3] = { ur, uw, ue };
	static const int setev[3] = { SEL_IN, SEL_OUT, SEL_EX };
	size_t words, bytes;
	unsigned long *in, *out;
	struct pollwait pw;
	long r;
	int gen, ready;

	if (nfds < 0 || nfds > fd_nofile())
		return -EINVAL;
	words = howmany((size_t)nfds, 8 * sizeof(long));
	bytes = words * sizeof(long);
	in = kmem_zalloc(6 * bytes + 1, KM_SLEEP);
	if (in == NULL)
		return -ENOMEM;
	out = in + 3 * words;
	for (int s = 0; s < 3; s++) {
		if (usets[s] == NULL)
			continue;
		r = copyin(usets[s], in + s * words, bytes);
		if (r != 0)
			goto out_free;
	}
	/* Bits beyond nfds in the last word are not ours to look at. */
	if (nfds % (8 * sizeof(long)) != 0)
		for (int s = 0; s < 3; s++)
			in[s * words + words - 1] &=
			    (1UL << (nfds % (8 * sizeof(long)))) - 1;
	pollwait_init(&pw);
	for (;;) {
		gen = pollwait_gen(&pw);
		ready = 0;
		memset(out, 0, 3 * bytes);
		r = 0;
		for (int fd = 0; fd < nfds && r == 0; fd++) {
			size_t w = (size_t)fd / (8 * sizeof(long));
			unsigned long bit = 1UL << (fd % (8 * sizeof(long)));
			int want = 0, got;
			struct file *f;

			for (int s = 0; s < 3; s++)
				if (in[s * words + w] & bit)
					want |= setev[s];
			if (want == 0)
				continue;
			f = fd_getfile(fd);
			if (f == NULL) {
				r = -EBADF;
				break;
			}
			got = f->f_ops->fo_poll != NULL
			    ? f->f_ops->fo_poll(f, want | POLLERR | POLLHUP,
				deadline == 0 ? NULL : &pw)
			    : (POLLIN | POLLOUT);
			file_rele(f);
			for (int s = 0; s < 3; s++) {
				if ((in[s * words + w] & bit) &&
				    (got & setev[s])) {
					out[s * words + w] |= bit;
					ready++;
				}
			}
		}
		if (r != 0 || ready != 0 || deadline == 0)
			break;
		r = pollwait_sleep(&pw, gen, deadline);
		if (r == -ETIMEDOUT) {
			r = 0;
			break;
		}
		if (r != 0)
			break;
	}
	pollwait_destroy(&pw);
	if (r != 0)
		goto out_free;
	for (int s = 0; s < 3 && r == 0; s++)
		if (usets[s] != NULL)
			r = copyout(out + s * words, usets[s], bytes);
	if (r == 0)
		r = ready;
out_free:
	kmem_free(in, 6 * bytes + 1);
	return r;
}

long
sys_select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
    struct timeval *timeout)
{
	int64_t deadline = -1;
	struct timeval tv;
	long r;

	if (timeout != NULL) {
		r = copyin(timeout, &tv, sizeof(tv));
		if (r != 0)
			return r;
		if (tv.tv_sec < 0 || tv.tv_usec < 0 ||
		    tv.tv_usec >= USEC_PER_SEC)
			return -EINVAL;
		if (tv.tv_sec == 0 && tv.tv_usec == 0)
			deadline = 0;
		else if (tv.tv_sec > INT64_MAX / NSEC_PER_SEC - 1)
			deadline = -1;
		else
			deadline = deadline_from(tv.tv_sec * NSEC_PER_SEC +
			    tv.tv_usec * 1000);
	}
	r = do_select(nfds, readfds, writefds, exceptfds, deadline);
	if (timeout != NULL && deadline > 0) {
		int64_t left = deadline - nanouptime_ns();

		if (left < 0)
			left = 0;
		tv.tv_sec = left / NSEC_PER_SEC;
		tv.tv_usec = (left % NSEC_PER_SEC) / 1000;
		(void)copyout(&tv, timeout, sizeof(tv));
	}
	return r;
}

long
sys_pselect6(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
    struct timespec *timeout, void *sigmask)
{
	struct pselect6_sigmask sm = { NULL, 0 };
	int64_t deadline;
	sigset_t old;
	long r;

	r = ts_deadline(timeout, &deadline);
	if (r != 0)
		return r;
	if (sigmask != NULL) {
		r = copyin(sigmask, &sm, sizeof(sm));
		if (r != 0)
			return r;
	}
	if (sm.ss != NULL) {
		r = sig_mask_swap(sm.ss, sm.ss_len, &old);
		if (r != 0)
			return r;
	}
	r = do_select(nfds, readfds, writefds, exceptfds, deadline);
	if (sm.ss != NULL)
		sig_mask_restore(old);
	if (timeout != NULL)
		ts_left(deadline, timeout);
	return r;
}
