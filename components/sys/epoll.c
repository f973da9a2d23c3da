/*
 * epoll.c -- epoll(7).  An epoll instance watches (file, fd) pairs; each
 * watch (epitem) registers a callback pollwait on the file's object, and
 * the callback puts the watch on the instance's ready list.  epoll_wait
 * re-polls the ready watches to report their current events: a
 * level-triggered watch stays on the list while it is ready, an
 * edge-triggered one leaves it until its object notifies again, a
 * one-shot one is disabled until EPOLL_CTL_MOD.
 *
 * Structure (watch lists, each file's f_epitems) changes under the one
 * epoll_lock; ready lists under each instance's ep_rdlock, which the
 * callbacks take with sel_lock held.  Watches hold no file reference:
 * as a file dies, file_gone_hook drops its watches (Linux semantics).
 * Lock order: epoll_lock -> object locks -> sel_lock -> ep_rdlock.
 */
#include "sys_int.h"
#include <abi/epoll.h>
#include <abi/stat.h>

struct epitem {
	struct epoll *epi_ep;
	struct file *epi_file;
	int epi_fd;
	uint32_t epi_events;      /* asked for, with EPOLLET etc. */
	uint64_t epi_data;
	bool epi_onready;         /* on the ready list or being harvested */
	bool epi_disabled;        /* EPOLLONESHOT fired */
	struct pollwait epi_pw;
	struct epitem *epi_next;  /* in ep_items */
	struct epitem **epi_prevp;
	struct epitem *epi_hnext; /* in ep_hash[] */
	struct epitem *epi_rdnext;
	struct epitem *epi_fnext; /* in epi_file->f_epitems */
};

/* Watches are found by descriptor through a hash. */
#define EP_HASHSIZE 256

struct epoll {
	struct epitem *ep_items;
	struct epitem *ep_hash[EP_HASHSIZE];
	kmutex_t ep_rdlock;
	kcondvar_t ep_cv;         /* epoll_wait sleeps here */
	struct epitem *ep_rdhead, *ep_rdtail;
	struct selinfo ep_sel;    /* for polling the epoll file itself */
	bool ep_notifying;        /* cycle guard for nested notification */
};

/* Longest chain of epoll instances inside each other (Linux: 5). */
#define EP_MAXNEST 4
/* Events always reported, asked for or not. */
#define EP_ALWAYS (EPOLLERR | EPOLLHUP)
/* Flags that are not events. */
#define EP_INFLAGS (EPOLLET | EPOLLONESHOT | EPOLLEXCLUSIVE | EPOLLWAKEUP)

static kmutex_t epoll_lock;

/* Append epi to the ready list (ep_rdlock held, epi not on it). */
static void
ep_rdappend(struct epoll *ep, struct epitem *epi)
{
	epi->epi_rdnext = NULL;
	if (ep->ep_rdtail != NULL)
		ep->ep_rdtail->epi_rdnext = epi;
	else
		ep->ep_rdhead = epi;
	ep->ep_rdtail = epi;
	epi->epi_onready = true;
}

/* Take epi off the ready list if it is there (ep_rdlock held). */
static void
ep_rdremove(struct epoll *ep, struct epitem *epi)
{
	struct epitem **pp, *prev = NULL;

	for (pp = &ep->ep_rdhead; *pp != NULL; pp = &(*pp)->epi_rdnext) {
		if (*pp == epi) {
			*pp = epi->epi_rdnext;
			if (ep->ep_rdtail == epi)
				ep->ep_rdtail = prev;
			break;
		}
		prev = *pp;
	}
	epi->epi_onready = false;
}

/* The watched object notified (sel_lock held). */
static void
epi_wake(struct pollwait *pw, int events)
{
	struct epitem *epi = pw->pw_arg;
	struct epoll *ep = epi->epi_ep;

	if (events != 0 &&
	    !((uint32_t)events & (epi->epi_events | EP_ALWAYS)))
		return;  /* e.g. room to write, when only reads matter */
	mutex_enter(&ep->ep_rdlock);
	if (epi->epi_disabled) {
		mutex_exit(&ep->ep_rdlock);
		return;
	}
	if (!epi->epi_onready)
		ep_rdappend(ep, epi);
	cv_broadcast(&ep->ep_cv);
	mutex_exit(&ep->ep_rdlock);
	/* Whoever polls this epoll instance hears about it too. */
	if (!ep->ep_notifying) {
		ep->ep_notifying = true;
		selnotify_locked(&ep->ep_sel, POLLIN | POLLRDNORM);
		ep->ep_notifying = false;
	}
}

/* Free a watch that is off every list but the file's (epoll_lock held). */
static void
epi_destroy(struct epitem *epi)
{
	struct epitem **pp;

	for (pp = (struct epitem **)&epi->epi_file->f_epitems; *pp != epi;
	    pp = &(*pp)->epi_fnext)
		KASSERT(*pp != NULL);
	*pp = epi->epi_fnext;
	pollwait_destroy(&epi->epi_pw);
	mutex_enter(&epi->epi_ep->ep_rdlock);
	if (epi->epi_onready)
		ep_rdremove(epi->epi_ep, epi);
	mutex_exit(&epi->epi_ep->ep_rdlock);
	kmem_free(epi, sizeof(*epi));
}

static struct epitem **
ep_bucket(struct epoll *ep, int fd)
{
	return &ep->ep_hash[(unsigned int)fd % EP_HASHSIZE];
}

/* Link epi into its instance's watch list and hash (epoll_lock held). */
static void
epi_link(struct epitem *epi)
{
	struct epoll *ep = epi->epi_ep;
	struct epitem **b = ep_bucket(ep, epi->epi_fd);

	epi->epi_next = ep->ep_items;
	if (ep->ep_items != NULL)
		ep->ep_items->epi_prevp = &epi->epi_next;
	epi->epi_prevp = &ep->ep_items;
	ep->ep_items = epi;
	epi->epi_hnext = *b;
	*b = epi;
}

/* Unlink epi from its instance's watch list and hash (epoll_lock held). */
static void
epi_unlink(struct epitem *epi)
{
	struct epitem **pp = ep_bucket(epi->epi_ep, epi->epi_fd);

	*epi->epi_prevp = epi->epi_next;
	if (epi->epi_next != NULL)
		epi->epi_next->epi_prevp = epi->epi_prevp;
	while (*pp != epi)
		pp = &(*pp)->epi_hnext;
	*pp = epi->epi_hnext;
}

/* file_gone_hook: f's last reference is going; drop its watches. */
static void
epoll_file_gone(struct file *f)
{
	struct epitem *epi;

	mutex_enter(&epoll_lock);
	while ((epi = f->f_epitems) != NULL) {
		epi_unlink(epi);
		epi_destroy(epi);
	}
	mutex_exit(&epoll_lock);
}

static int
ep_poll(struct file *f, int events, struct pollwait *pw)
{
	struct epoll *ep = f->f_data;
	int revents = 0;

	mutex_enter(&ep->ep_rdlock);
	if (ep->ep_rdhead != NULL)
		revents = POLLIN | POLLRDNORM;
	mutex_exit(&ep->ep_rdlock);
	selrecord(pw, &ep->ep_sel);
	return revents & events;
}

static int
ep_close(struct file *f)
{
	struct epoll *ep = f->f_data;
	struct epitem *epi;

	mutex_enter(&epoll_lock);
	while ((epi = ep->ep_items) != NULL) {
		epi_unlink(epi);
		epi_destroy(epi);
	}
	mutex_exit(&epoll_lock);
	selinfo_destroy(&ep->ep_sel);
	cv_destroy(&ep->ep_cv);
	mutex_destroy(&ep->ep_rdlock);
	kmem_free(ep, sizeof(*ep));
	return 0;
}

static ssize_t
ep_rw(struct file *f, struct uio *uio, int flags)
{
	return -EINVAL;
}

static int
ep_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	return -ENOTTY;
}

static int
ep_stat(struct file *f, struct stat *st)
{
	st->st_mode = S_IRUSR | S_IWUSR;  /* an anonymous inode */
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static const struct fileops epoll_ops = {
	.fo_read = ep_rw,
	.fo_write = ep_rw,
	.fo_ioctl = ep_ioctl,
	.fo_poll = ep_poll,
	.fo_stat = ep_stat,
	.fo_close = ep_close,
};

long
sys_epoll_create1(int flags)
{
	struct epoll *ep;
	struct file *f;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = kmem_zalloc(sizeof(*ep), KM_SLEEP);
	if (ep == NULL)
		return -ENOMEM;
	mutex_init(&ep->ep_rdlock, MUTEX_DEFAULT);
	cv_init(&ep->ep_cv);
	selinfo_init(&ep->ep_sel);
	f = file_alloc(&epoll_ops, DTYPE_EPOLL, O_RDWR, ep);
	if (f == NULL) {
		selinfo_destroy(&ep->ep_sel);
		cv_destroy(&ep->ep_cv);
		mutex_destroy(&ep->ep_rdlock);
		kmem_free(ep, sizeof(*ep));
		return -ENOMEM;
	}
	fd = fd_alloc(f, 0, (flags & EPOLL_CLOEXEC) != 0);
	file_rele(f);
	return fd;
}

long
sys_epoll_create(int size)
{
	if (size <= 0)
		return -EINVAL;
	return sys_epoll_create1(0);
}

static struct epitem *
ep_find(struct epoll *ep, struct file *f, int fd)
{
	for (struct epitem *epi = *ep_bucket(ep, fd); epi; epi = epi->epi_hnext)
		if (epi->epi_fd == fd && epi->epi_file == f)
			return epi;
	return NULL;
}

/* Would watching instance `inner` from `outer` make a loop or nest too
 * deep?  (epoll_lock held) */
static bool
ep_loops(struct epoll *outer, struct epoll *inner, int depth)
{
	if (inner == outer || depth > EP_MAXNEST)
		return true;
	for (struct epitem *epi = inner->ep_items; epi; epi = epi->epi_next)
		if (epi->epi_file->f_type == DTYPE_EPOLL &&
		    ep_loops(outer, epi->epi_file->f_data, depth + 1))
			return true;
	return false;
}

/* Poll epi once now (registering) and queue it if ready. */
static void
epi_check(struct epitem *epi)
{
	struct file *f = epi->epi_file;
	int r;

	r = f->f_ops->fo_poll(f, (int)(epi->epi_events | EP_ALWAYS),
	    &epi->epi_pw);
	if (r == 0)
		return;
	mutex_enter(&epi->epi_ep->ep_rdlock);
	if (!epi->epi_onready && !epi->epi_disabled)
		ep_rdappend(epi->epi_ep, epi);
	cv_broadcast(&epi->epi_ep->ep_cv);
	mutex_exit(&epi->epi_ep->ep_rdlock);
}

static int
ep_ctl(struct epoll *ep, int op, struct file *tf, int fd,
    const struct epoll_event *ev)
{
	struct epitem *epi;

	epi = ep_find(ep, tf, fd);
	switch (op) {
	case EPOLL_CTL_ADD:
		if (epi != NULL)
			return -EEXIST;
		if (tf->f_type == DTYPE_EPOLL &&
		    ep_loops(ep, tf->f_data, 1))
			return -ELOOP;
		epi = kmem_zalloc(sizeof(*epi), KM_SLEEP);
		if (epi == NULL)
			return -ENOMEM;
		epi->epi_ep = ep;
		epi->epi_file = tf;
		epi->epi_fd = fd;
		epi->epi_events = ev->events;
		epi->epi_data = ev->data;
		pollwait_init_cb(&epi->epi_pw, epi_wake, epi);
		epi_link(epi);
		epi->epi_fnext = tf->f_epitems;
		tf->f_epitems = epi;
		epi_check(epi);
		return 0;
	case EPOLL_CTL_MOD:
		if (epi == NULL)
			return -ENOENT;
		if (ev->events & EPOLLEXCLUSIVE)
			return -EINVAL;
		mutex_enter(&ep->ep_rdlock);
		epi->epi_events = ev->events;
		epi->epi_data = ev->data;
		epi->epi_disabled = false;
		mutex_exit(&ep->ep_rdlock);
		epi_check(epi);
		return 0;
	case EPOLL_CTL_DEL:
		if (epi == NULL)
			return -ENOENT;
		epi_unlink(epi);
		epi_destroy(epi);
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * Linux refuses to watch files that are always ready (regular files,
 * directories) with EPERM; their fo_poll may still answer poll(2).
 */
static bool
epoll_watchable(struct file *f)
{
	struct stat st;

	if (f->f_ops->fo_poll == NULL)
		return false;
	if (f->f_type != DTYPE_VNODE || f->f_ops->fo_stat == NULL)
		return true;
	memset(&st, 0, sizeof(st));
	if (f->f_ops->fo_stat(f, &st) != 0)
		return true;
	return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

long
sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *event)
{
	struct epoll_event ev = { 0, 0 };
	struct file *ef, *tf;
	long error;

	if (op == EPOLL_CTL_ADD || op == EPOLL_CTL_MOD) {
		error = copyin(event, &ev, sizeof(ev));
		if (error != 0)
			return error;
	}
	ef = fd_getfile(epfd);
	if (ef == NULL)
		return -EBADF;
	tf = fd_getfile(fd);
	if (tf == NULL) {
		error = -EBADF;
		goto out_ef;
	}
	if (!epoll_watchable(tf)) {
		error = -EPERM;  /* regular files and directories */
		goto out_tf;
	}
	if (ef->f_type != DTYPE_EPOLL || ef == tf) {
		error = -EINVAL;
		goto out_tf;
	}
	if ((ev.events & EPOLLEXCLUSIVE) &&
	    (op == EPOLL_CTL_MOD || tf->f_type == DTYPE_EPOLL ||
	    (ev.events & ~(EPOLLEXCLUSIVE | EPOLLIN | EPOLLOUT | EPOLLERR |
	    EPOLLHUP | EPOLLWAKEUP | EPOLLET)))) {
		error = -EINVAL;
		goto out_tf;
	}
	mutex_enter(&epoll_lock);
	error = ep_ctl(ef->f_data, op, tf, fd, &ev);
	mutex_exit(&epoll_lock);
out_tf:
	file_rele(tf);
out_ef:
	file_rele(ef);
	return error;
}

/* Report up to max ready watches into out[]; the number reported. */
static int
ep_harvest(struct epoll *ep, struct epoll_event *out, int max)
{
	struct epitem *list, *epi;
	int n = 0;

	mutex_enter(&epoll_lock);
	mutex_enter(&ep->ep_rdlock);
	list = ep->ep_rdhead;
	ep->ep_rdhead = ep->ep_rdtail = NULL;
	mutex_exit(&ep->ep_rdlock);
	while (list != NULL && n < max) {
		struct file *f;
		uint32_t want, r;

		epi = list;
		list = epi->epi_rdnext;
		f = epi->epi_file;
		mutex_enter(&ep->ep_rdlock);
		epi->epi_onready = false;
		mutex_exit(&ep->ep_rdlock);
		if (epi->epi_disabled)
			continue;
		want = (epi->epi_events & ~EP_INFLAGS) | EP_ALWAYS;
		r = (uint32_t)f->f_ops->fo_poll(f, (int)want, &epi->epi_pw) &
		    want;
		if (r == 0)
			continue;
		out[n].events = r;
		out[n].data = epi->epi_data;
		n++;
		mutex_enter(&ep->ep_rdlock);
		if (epi->epi_events & EPOLLONESHOT)
			epi->epi_disabled = true;
		else if (!(epi->epi_events & EPOLLET) && !epi->epi_onready)
			ep_rdappend(ep, epi);  /* level-triggered: look again */
		mutex_exit(&ep->ep_rdlock);
	}
	/* What did not fit goes back to the front, still ready. */
	if (list != NULL) {
		struct epitem *last = list;

		while (last->epi_rdnext != NULL)
			last = last->epi_rdnext;
		mutex_enter(&ep->ep_rdlock);
		last->epi_rdnext = ep->ep_rdhead;
		if (ep->ep_rdhead == NULL)
			ep->ep_rdtail = last;
		ep->ep_rdhead = list;
		mutex_exit(&ep->ep_rdlock);
	}
	mutex_exit(&epoll_lock);
	return n;
}

#define EP_FASTEVENTS 32
/* Events reported per call at most: fewer than asked is allowed. */
#define EP_MAXEVENTS 1024

/* epoll_wait with a monotonic deadline (< 0: none, 0: do not wait). */
static long
ep_wait(int epfd, struct epoll_event *events, int maxevents, int64_t deadline)
{
	struct epoll_event fast[EP_FASTEVENTS], *kev = fast;
	struct file *f;
	struct epoll *ep;
	long r;

	if (maxevents <= 0 ||
	    (size_t)maxevents > INT_MAX / sizeof(struct epoll_event))
		return -EINVAL;
	if (!uaddr_ok(events, (size_t)maxevents * sizeof(*events)))
		return -EFAULT;
	f = fd_getfile(epfd);
	if (f == NULL)
		return -EBADF;
	if (f->f_type != DTYPE_EPOLL) {
		r = -EINVAL;
		goto out;
	}
	ep = f->f_data;
	maxevents = MIN(maxevents, EP_MAXEVENTS);
	if (maxevents > EP_FASTEVENTS) {
		kev = kmem_alloc((size_t)maxevents * sizeof(*kev), KM_SLEEP);
		if (kev == NULL) {
			r = -ENOMEM;
			goto out;
		}
	}
	for (;;) {
		r = ep_harvest(ep, kev, maxevents);
		if (r != 0 || deadline == 0)
			break;
		mutex_enter(&ep->ep_rdlock);
		while (ep->ep_rdhead == NULL && r == 0) {
			int64_t left = -1;

			if (deadline > 0) {
				left = deadline - nanouptime_ns();
				if (left <= 0) {
					r = -ETIMEDOUT;
					break;
				}
			}
			r = cv_timedwait_sig(&ep->ep_cv, &ep->ep_rdlock, left);
			if (r == -ETIMEDOUT)
				r = 0;  /* recheck the deadline above */
		}
		mutex_exit(&ep->ep_rdlock);
		if (r == -ETIMEDOUT) {
			r = 0;
			break;
		}
		if (r != 0)
			break;
	}
	if (r > 0) {
		int e = copyout(kev, events, (size_t)r * sizeof(*kev));
		if (e != 0)
			r = e;
	}
	if (kev != fast)
		kmem_free(kev, (size_t)maxevents * sizeof(*kev));
out:
	file_rele(f);
	return r;
}

static int64_t
ms_deadline(int timeout)
{
	if (timeout < 0)
		return -1;
	return timeout == 0 ? 0 : deadline_from((int64_t)timeout * 1000000);
}

long
sys_epoll_wait(int epfd, struct epoll_event *events, int maxevents,
    int timeout)
{
	return ep_wait(epfd, events, maxevents, ms_deadline(timeout));
}

static long
ep_pwait(int epfd, struct epoll_event *events, int maxevents,
    int64_t deadline, const sigset_t *sigmask, size_t sigsetsize)
{
	sigset_t old;
	long r;

	if (sigmask != NULL) {
		r = sig_mask_swap(sigmask, sigsetsize, &old);
		if (r != 0)
			return r;
	}
	r = ep_wait(epfd, events, maxevents, deadline);
	if (sigmask != NULL)
		sig_mask_restore(old);
	return r;
}

long
sys_epoll_pwait(int epfd, struct epoll_event *events, int maxevents,
    int timeout, const sigset_t *sigmask, size_t sigsetsize)
{
	return ep_pwait(epfd, events, maxevents, ms_deadline(timeout), sigmask,
	    sigsetsize);
}

long
sys_epoll_pwait2(int epfd, struct epoll_event *events, int maxevents,
    const struct timespec *timeout, const sigset_t *sigmask,
    size_t sigsetsize)
{
	int64_t deadline = -1, ns;
	int error;

	if (timeout != NULL) {
		error = ts_import(timeout, &ns);
		if (error != 0)
			return error;
		deadline = ns == 0 ? 0 : deadline_from(ns);
	}
	return ep_pwait(epfd, events, maxevents, deadline, sigmask,
	    sigsetsize);
}

void
epoll_init(void)
{
	mutex_init(&epoll_lock, MUTEX_DEFAULT);
	file_gone_hook = epoll_file_gone;
}
