/*
 * inotify.c -- inotify(7): watches on vnodes and the queues of events
 * read(2) returns from an inotify descriptor.  The VFS reports what
 * happens through the hooks of vfs_notify.h.
 *
 * A watch holds a reference to its vnode, as Linux's inode mark pins
 * the inode: so a watched file lives until its last link is gone and
 * nothing else holds it, which is when its watches hear IN_DELETE_SELF
 * and end (IN_IGNORED).  Events on a file also reach the watches of the
 * directory it was last opened or created through, with its name there
 * (an alias, recorded by name lookups: Linux follows the dentry; we
 * remember the last name a file was reached by in a watched directory).
 *
 * One lock, in_lock, covers every watch, alias and queue: events are
 * rare next to the work that makes them.  Vnode references are dropped
 * only after in_lock is released (vrele may free the node, which calls
 * back into inotify_vnode_gone).
 */
#include "vfs_int.h"
#include "vfs_notify.h"
#include "vfs_sys.h"
#include <abi/ioctl.h>
#include <abi/limits.h>

/* Linux's defaults: fs.inotify.max_queued_events, max_user_watches is
 * larger; a watch costs little here, but an instance is bounded. */
#define IN_MAX_EVENTS   16384
#define IN_MAX_WATCHES  8192
/* Aliases (a file's name in a watched directory) kept at most. */
#define IN_MAX_ALIASES  1024

/* Bits a watch mask may hold (Linux: ALL_INOTIFY_BITS). */
#define IN_VALID_BITS (IN_ALL_EVENTS | IN_UNMOUNT | IN_Q_OVERFLOW | \
	IN_IGNORED | IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK | \
	IN_MASK_CREATE | IN_MASK_ADD | IN_ISDIR | IN_ONESHOT)

/* Events a directory's watch hears for the files in it. */
#define IN_CHILD_EVENTS (IN_ACCESS | IN_MODIFY | IN_ATTRIB | \
	IN_CLOSE_WRITE | IN_CLOSE_NOWRITE | IN_OPEN)

struct inev {
	struct inev *ev_next;
	int32_t ev_wd;
	uint32_t ev_mask;
	uint32_t ev_cookie;
	uint32_t ev_len;        /* name bytes in the record, NUL-padded */
	uint16_t ev_namelen;
	char ev_name[];
};

struct inotify;

struct iwatch {
	struct inotify *w_in;
	struct vnode *w_vp;     /* referenced */
	int32_t w_wd;
	uint32_t w_mask;
	struct iwatch *w_innext;        /* in w_in->in_watches */
	struct iwatch *w_vnext;         /* in w_vp->v_inotify */
};

struct inotify {
	struct selinfo in_sel;
	kcondvar_t in_cv;               /* readers wait here */
	struct inev *in_head, *in_tail;
	unsigned int in_count;          /* events queued */
	size_t in_bytes;                /* their record bytes (FIONREAD) */
	struct iwatch *in_watches;
	int in_nwatches;
	int32_t in_lastwd;
	struct inev *in_ovf;            /* the IN_Q_OVERFLOW event */
	bool in_ovfqueued;
};

struct inalias {
	struct inalias *a_next;
	struct vnode *a_vp;             /* not referenced: gone with it */
	struct vnode *a_dvp;            /* watched, so referenced by it */
	size_t a_len;
	char a_name[NAME_MAX + 1];
};

static kmutex_t in_lock;
int inotify_nwatches;
static struct inalias *in_aliases;
static int in_naliases;
static uint32_t in_cookie;

void
inotify_init(void)
{
	mutex_init(&in_lock, MUTEX_DEFAULT);
}

/* The record size of an event with a name of len bytes (0: none). */
static uint32_t
in_padlen(size_t len)
{
	return len == 0 ? 0 :
	    (uint32_t)((len + 1 + sizeof(struct inotify_event) - 1) &
		~(sizeof(struct inotify_event) - 1));
}

static void
in_link(struct inotify *in, struct inev *ev)
{
	ev->ev_next = NULL;
	if (in->in_tail != NULL)
		in->in_tail->ev_next = ev;
	else
		in->in_head = ev;
	in->in_tail = ev;
	in->in_count++;
	in->in_bytes += sizeof(struct inotify_event) + ev->ev_len;
}

/* Queue one event on in (in_lock held); wakes its readers. */
static void
in_queue(struct inotify *in, int32_t wd, uint32_t mask, uint32_t cookie,
    const char *name, size_t len)
{
	struct inev *ev, *last = in->in_tail;

	/* Linux merges an event identical to the last one still unread. */
	if (last != NULL && last != in->in_ovf && last->ev_wd == wd &&
	    last->ev_mask == mask && last->ev_cookie == cookie &&
	    last->ev_namelen == len && memcmp(last->ev_name, name, len) == 0)
		return;
	if (in->in_count >= IN_MAX_EVENTS)
		goto overflow;
	ev = kmem_alloc(sizeof(*ev) + len + 1, KM_NOSLEEP);
	if (ev == NULL)
		goto overflow;
	ev->ev_wd = wd;
	ev->ev_mask = mask;
	ev->ev_cookie = cookie;
	ev->ev_len = in_padlen(len);
	ev->ev_namelen = (uint16_t)len;
	memcpy(ev->ev_name, name, len);
	ev->ev_name[len] = '\0';
	in_link(in, ev);
	goto wake;
overflow:
	if (in->in_ovfqueued)
		return;
	in->in_ovfqueued = true;
	in_link(in, in->in_ovf);
wake:
	cv_broadcast(&in->in_cv);
	selnotify(&in->in_sel, POLLIN | POLLRDNORM);
}

/* Forget the alias a (in_lock held). */
static void
alias_free(struct inalias **ap)
{
	struct inalias *a = *ap;

	*ap = a->a_next;
	in_naliases--;
	kmem_free(a, sizeof(*a));
}

static struct inalias *
alias_of(struct vnode *vp)
{
	for (struct inalias *a = in_aliases; a != NULL; a = a->a_next)
		if (a->a_vp == vp)
			return a;
	return NULL;
}

/* Remember that vp is name in the watched directory dvp (in_lock). */
static void
alias_set(struct vnode *vp, struct vnode *dvp, const char *name, size_t len)
{
	struct inalias *a = alias_of(vp), **ap;

	if (len == 0 || len > NAME_MAX || vp == dvp ||
	    (name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.'))))
		return;
	if (a == NULL) {
		/* Full: forget the oldest (the list's last). */
		if (in_naliases >= IN_MAX_ALIASES) {
			for (ap = &in_aliases; (*ap)->a_next != NULL;
			    ap = &(*ap)->a_next)
				continue;
			alias_free(ap);
		}
		a = kmem_alloc(sizeof(*a), KM_NOSLEEP);
		if (a == NULL)
			return;
		a->a_vp = vp;
		a->a_next = in_aliases;
		in_aliases = a;
		in_naliases++;
	}
	a->a_dvp = dvp;
	a->a_len = len;
	memcpy(a->a_name, name, len);
	a->a_name[len] = '\0';
}

/* Drop the alias of vp (as a file in some watched directory). */
static void
alias_drop_child(struct vnode *vp)
{
	struct inalias **ap = &in_aliases;

	while (*ap != NULL) {
		if ((*ap)->a_vp == vp)
			alias_free(ap);
		else
			ap = &(*ap)->a_next;
	}
}

/* Drop the aliases into dvp (no longer watched). */
static void
alias_drop_dir(struct vnode *dvp)
{
	struct inalias **ap = &in_aliases;

	while (*ap != NULL) {
		if ((*ap)->a_dvp == dvp)
			alias_free(ap);
		else
			ap = &(*ap)->a_next;
	}
}

/*
 * Unlink watch w from its vnode and instance (in_lock held) and put it
 * on *deadp, to be freed by in_reap once in_lock is released.  The
 * instance hears IN_IGNORED.
 */
static void
watch_end(struct iwatch *w, struct iwatch **deadp)
{
	struct iwatch **wp;
	struct vnode *vp = w->w_vp;

	for (wp = (struct iwatch **)&vp->v_inotify; *wp != w;
	    wp = &(*wp)->w_vnext)
		KASSERT(*wp != NULL);
	*wp = w->w_vnext;
	for (wp = &w->w_in->in_watches; *wp != w; wp = &(*wp)->w_innext)
		KASSERT(*wp != NULL);
	*wp = w->w_innext;
	w->w_in->in_nwatches--;
	in_queue(w->w_in, w->w_wd, IN_IGNORED, 0, "", 0);
	if (vp->v_inotify == NULL)
		alias_drop_dir(vp);
	__atomic_sub_fetch(&inotify_nwatches, 1, __ATOMIC_SEQ_CST);
	w->w_in = NULL;
	w->w_innext = *deadp;
	*deadp = w;
}

/* Free ended watches and drop their vnodes (in_lock not held). */
static void
in_reap(struct iwatch *dead)
{
	struct iwatch *w;

	while ((w = dead) != NULL) {
		dead = w->w_innext;
		vrele(w->w_vp);
		kmem_free(w, sizeof(*w));
	}
}

/*
 * Deliver mask to the watches of vp (in_lock held), the event named
 * name if vp is the directory it happened in.  One-shot watches end.
 */
static void
in_deliver(struct vnode *vp, uint32_t mask, uint32_t cookie,
    const char *name, size_t len, struct iwatch **deadp)
{
	struct iwatch *w, *next;

	for (w = vp->v_inotify; w != NULL; w = next) {
		next = w->w_vnext;
		if (!(w->w_mask & mask & IN_ALL_EVENTS))
			continue;
		in_queue(w->w_in, w->w_wd, mask, cookie, name, len);
		if (w->w_mask & IN_ONESHOT)
			watch_end(w, deadp);
	}
}

static uint32_t
in_isdir(struct vnode *vp)
{
	return vp != NULL && vn_isdir(vp) ? IN_ISDIR : 0;
}

/* An event on vp itself, and to the directory it is known in. */
static void
in_event(struct vnode *vp, uint32_t mask, struct iwatch **deadp)
{
	char name[NAME_MAX + 1];
	struct inalias *a;
	struct vnode *dvp;
	size_t len;

	mask |= in_isdir(vp);
	in_deliver(vp, mask, 0, "", 0, deadp);
	if (!(mask & IN_CHILD_EVENTS) || (a = alias_of(vp)) == NULL)
		return;
	/* A copy: a one-shot watch ending frees the alias. */
	dvp = a->a_dvp;
	len = a->a_len;
	memcpy(name, a->a_name, len);
	in_deliver(dvp, mask, 0, name, len, deadp);
}

void
inotify_vnode(struct vnode *vp, uint32_t mask)
{
	struct iwatch *dead = NULL;

	mutex_enter(&in_lock);
	in_event(vp, mask, &dead);
	mutex_exit(&in_lock);
	in_reap(dead);
}

/* A new link to vp: its link count changed (its own watches hear). */
void
inotify_link(struct vnode *vp)
{
	struct iwatch *dead = NULL;

	mutex_enter(&in_lock);
	in_deliver(vp, IN_ATTRIB | in_isdir(vp), 0, "", 0, &dead);
	mutex_exit(&in_lock);
	in_reap(dead);
}

void
inotify_entry(struct vnode *dvp, const char *name, size_t len, uint32_t mask,
    struct vnode *vp)
{
	struct iwatch *dead = NULL;

	mutex_enter(&in_lock);
	if (vp != NULL && dvp->v_inotify != NULL && (mask & IN_CREATE))
		alias_set(vp, dvp, name, len);
	in_deliver(dvp, mask | in_isdir(vp), 0, name, len, &dead);
	mutex_exit(&in_lock);
	in_reap(dead);
}

/*
 * Has vp lost its last link with nothing but the caller's `held`
 * references and its watches' left (in_lock not held: getattr)?
 */
static bool
in_unused(struct vnode *vp, int held)
{
	struct vattr va;
	int refs = held;

	if (vn_getattr(vp, &va) != 0 || va.va_nlink > 0)
		return false;
	mutex_enter(&in_lock);
	for (struct iwatch *w = vp->v_inotify; w != NULL; w = w->w_vnext)
		refs++;
	mutex_exit(&in_lock);
	mutex_enter(&vp->v_interlock);
	refs -= vp->v_usecount;
	mutex_exit(&vp->v_interlock);
	return refs >= 0;
}

/* vp is gone: IN_DELETE_SELF to its watches (in_lock held). */
static void
in_delete_self(struct vnode *vp, struct iwatch **deadp)
{
	in_deliver(vp, IN_DELETE_SELF, 0, "", 0, deadp);
}

/* ...and then they end (in_lock held). */
static void
in_end_all(struct vnode *vp, struct iwatch **deadp)
{
	while (vp->v_inotify != NULL)
		watch_end(vp->v_inotify, deadp);
	alias_drop_child(vp);
}

void
inotify_remove(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp, bool attrib)
{
	struct iwatch *dead = NULL;
	struct inalias *a;
	bool gone = vp->v_inotify != NULL && in_unused(vp, 1);

	/* Linux's order: the link count, the inode, the entry, the mark. */
	mutex_enter(&in_lock);
	/* The link count: the inode's own watches only, as Linux. */
	if (attrib)
		in_deliver(vp, IN_ATTRIB | in_isdir(vp), 0, "", 0, &dead);
	a = alias_of(vp);
	if (a != NULL && a->a_dvp == dvp && a->a_len == len &&
	    memcmp(a->a_name, name, len) == 0)
		alias_drop_child(vp);
	if (gone)
		in_delete_self(vp, &dead);
	in_deliver(dvp, IN_DELETE | in_isdir(vp), 0, name, len, &dead);
	if (gone)
		in_end_all(vp, &dead);
	mutex_exit(&in_lock);
	in_reap(dead);
}

void
inotify_rename(struct vnode *fdvp, const char *fname, size_t flen,
    struct vnode *tdvp, const char *tname, size_t tlen,
    struct vnode *fvp, struct vnode *tvp, bool exchange)
{
	struct iwatch *dead = NULL;
	bool gone = !exchange && tvp != NULL && tvp->v_inotify != NULL &&
	    in_unused(tvp, 1);
	uint32_t cookie;

	mutex_enter(&in_lock);
	/* The cookie ties IN_MOVED_FROM to its IN_MOVED_TO; never 0. */
	if (++in_cookie == 0)
		in_cookie = 1;
	cookie = in_cookie;
	in_deliver(fdvp, IN_MOVED_FROM | in_isdir(fvp), cookie, fname, flen,
	    &dead);
	in_deliver(tdvp, IN_MOVED_TO | in_isdir(fvp), cookie, tname, tlen,
	    &dead);
	in_deliver(fvp, IN_MOVE_SELF, 0, "", 0, &dead);
	alias_drop_child(fvp);
	if (tdvp->v_inotify != NULL)
		alias_set(fvp, tdvp, tname, tlen);
	if (exchange) {
		if (++in_cookie == 0)
			in_cookie = 1;
		cookie = in_cookie;
		in_deliver(tdvp, IN_MOVED_FROM | in_isdir(tvp), cookie, tname,
		    tlen, &dead);
		in_deliver(fdvp, IN_MOVED_TO | in_isdir(tvp), cookie, fname,
		    flen, &dead);
		in_deliver(tvp, IN_MOVE_SELF, 0, "", 0, &dead);
		alias_drop_child(tvp);
		if (fdvp->v_inotify != NULL)
			alias_set(tvp, fdvp, fname, flen);
	} else if (tvp != NULL) {
		/* The replaced file lost a link (its own watches hear). */
		alias_drop_child(tvp);
		in_deliver(tvp, IN_ATTRIB | in_isdir(tvp), 0, "", 0, &dead);
		if (gone) {
			in_delete_self(tvp, &dead);
			in_end_all(tvp, &dead);
		}
	}
	mutex_exit(&in_lock);
	in_reap(dead);
}

void
inotify_close(struct vnode *vp, int fflag)
{
	struct iwatch *dead = NULL;
	bool gone;

	if (fflag & O_PATH)
		return;
	mutex_enter(&in_lock);
	in_event(vp, (fflag & O_ACCMODE) != O_RDONLY ? IN_CLOSE_WRITE :
	    IN_CLOSE_NOWRITE, &dead);
	mutex_exit(&in_lock);
	/* The last close of an unlinked file is its end. */
	gone = vp->v_inotify != NULL && in_unused(vp, 1);
	mutex_enter(&in_lock);
	if (gone) {
		in_delete_self(vp, &dead);
		in_end_all(vp, &dead);
	}
	mutex_exit(&in_lock);
	in_reap(dead);
}

void
inotify_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	mutex_enter(&in_lock);
	if (dvp->v_inotify != NULL)
		alias_set(vp, dvp, name, len);
	mutex_exit(&in_lock);
}

void
inotify_vnode_gone(struct vnode *vp)
{
	mutex_enter(&in_lock);
	alias_drop_child(vp);
	alias_drop_dir(vp);
	mutex_exit(&in_lock);
}

/* The inotify descriptor. */

static ssize_t
in_read(struct file *f, struct uio *uio, int flags)
{
	struct inotify *in = f->f_data;
	/* The longest record: a NAME_MAX name, its NUL, padding. */
	union {
		struct inotify_event hdr;
		char bytes[sizeof(struct inotify_event) + NAME_MAX + 1 +
		    sizeof(struct inotify_event)];
	} rec;
	struct inev *ev;
	size_t done = 0, size;
	int error = 0;

	mutex_enter(&in_lock);
	while (in->in_head == NULL) {
		if (flags & O_NONBLOCK) {
			error = -EAGAIN;
			goto out;
		}
		error = cv_wait_sig(&in->in_cv, &in_lock);
		if (error != 0)
			goto out;
	}
	while ((ev = in->in_head) != NULL) {
		size = sizeof(rec.hdr) + ev->ev_len;
		if (size > uio->uio_resid) {
			/* Linux: EINVAL when not even the first one fits. */
			if (done == 0)
				error = -EINVAL;
			break;
		}
		memset(&rec, 0, size);
		rec.hdr.wd = ev->ev_wd;
		rec.hdr.mask = ev->ev_mask;
		rec.hdr.cookie = ev->ev_cookie;
		rec.hdr.len = ev->ev_len;
		memcpy(rec.hdr.name, ev->ev_name, ev->ev_namelen);
		error = uiomove(&rec, size, uio);
		if (error != 0)
			break;
		done += size;
		in->in_head = ev->ev_next;
		if (in->in_head == NULL)
			in->in_tail = NULL;
		in->in_count--;
		in->in_bytes -= size;
		if (ev == in->in_ovf)
			in->in_ovfqueued = false;
		else
			kmem_free(ev, sizeof(*ev) + ev->ev_namelen + 1);
	}
out:
	mutex_exit(&in_lock);
	return done > 0 ? (ssize_t)done : error;
}

static ssize_t
in_write(struct file *f, struct uio *uio, int flags)
{
	(void)f;
	(void)uio;
	(void)flags;
	return -EINVAL;
}

static int
in_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	struct inotify *in = f->f_data;
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_enter(&in_lock);
	n = (int)in->in_bytes;
	mutex_exit(&in_lock);
	return copyout(&n, uarg, sizeof(n));
}

static int
in_poll(struct file *f, int events, struct pollwait *pw)
{
	struct inotify *in = f->f_data;
	int revents = 0;

	mutex_enter(&in_lock);
	if (pw != NULL)
		selrecord(pw, &in->in_sel);
	if (in->in_head != NULL)
		revents = POLLIN | POLLRDNORM;
	mutex_exit(&in_lock);
	return revents & events;
}

static int
in_stat(struct file *f, struct stat *st)
{
	(void)f;
	st->st_mode = S_IRUSR | S_IWUSR;  /* an anonymous inode */
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static int
in_close(struct file *f)
{
	struct inotify *in = f->f_data;
	struct iwatch *dead = NULL;
	struct inev *ev;

	mutex_enter(&in_lock);
	while (in->in_watches != NULL)
		watch_end(in->in_watches, &dead);
	while ((ev = in->in_head) != NULL) {
		in->in_head = ev->ev_next;
		if (ev != in->in_ovf)
			kmem_free(ev, sizeof(*ev) + ev->ev_namelen + 1);
	}
	mutex_exit(&in_lock);
	in_reap(dead);
	selinfo_destroy(&in->in_sel);
	cv_destroy(&in->in_cv);
	kmem_free(in->in_ovf, sizeof(*in->in_ovf) + 1);
	kmem_free(in, sizeof(*in));
	return 0;
}

static const struct fileops inotify_ops = {
	.fo_read = in_read,
	.fo_write = in_write,
	.fo_ioctl = in_ioctl,
	.fo_poll = in_poll,
	.fo_stat = in_stat,
	.fo_close = in_close,
};

long
sys_inotify_init1(int flags)
{
	struct inotify *in;
	struct file *f;
	int fd;

	if (flags & ~(IN_CLOEXEC | IN_NONBLOCK))
		return -EINVAL;
	in = kmem_zalloc(sizeof(*in), KM_SLEEP);
	if (in == NULL)
		return -ENOMEM;
	in->in_ovf = kmem_zalloc(sizeof(*in->in_ovf) + 1, KM_SLEEP);
	if (in->in_ovf == NULL)
		goto out_free;
	in->in_ovf->ev_wd = -1;
	in->in_ovf->ev_mask = IN_Q_OVERFLOW;
	selinfo_init(&in->in_sel);
	cv_init(&in->in_cv);
	f = file_alloc(&inotify_ops, DTYPE_MISC,
	    O_RDONLY | (flags & IN_NONBLOCK), in);
	if (f == NULL)
		goto out_destroy;
	fd = fd_alloc(f, 0, (flags & IN_CLOEXEC) != 0);
	file_rele(f);
	return fd;

out_destroy:
	cv_destroy(&in->in_cv);
	selinfo_destroy(&in->in_sel);
	kmem_free(in->in_ovf, sizeof(*in->in_ovf) + 1);
out_free:
	kmem_free(in, sizeof(*in));
	return -ENOMEM;
}

long
sys_inotify_init(void)
{
	return sys_inotify_init1(0);
}

/* The inotify instance of descriptor fd, its file referenced. */
static int
in_getfile(int fd, struct file **fp)
{
	struct file *f = fd_getfile(fd);

	if (f == NULL)
		return -EBADF;
	if (f->f_ops != &inotify_ops) {
		file_rele(f);
		return -EINVAL;
	}
	*fp = f;
	return 0;
}

/* Add or update in's watch on vp (reference taken over); its wd. */
static int
watch_add(struct inotify *in, struct vnode *vp, uint32_t mask)
{
	struct iwatch *w, *fresh;
	int wd;

	fresh = kmem_zalloc(sizeof(*fresh), KM_SLEEP);
	mutex_enter(&in_lock);
	for (w = vp->v_inotify; w != NULL; w = w->w_vnext)
		if (w->w_in == in)
			break;
	if (w != NULL) {
		/* Same inode, same wd: only the mask changes. */
		if (mask & IN_MASK_CREATE)
			wd = -EEXIST;
		else {
			if (mask & IN_MASK_ADD)
				w->w_mask |= mask & ~IN_MASK_ADD;
			else
				w->w_mask = mask;
			wd = w->w_wd;
		}
		mutex_exit(&in_lock);
		goto out_unused;
	}
	if (fresh == NULL || in->in_nwatches >= IN_MAX_WATCHES) {
		mutex_exit(&in_lock);
		wd = fresh == NULL ? -ENOMEM : -ENOSPC;
		goto out_unused;
	}
	/* Linux hands out increasing wds, from 1, never reused soon. */
	if (++in->in_lastwd <= 0)
		in->in_lastwd = 1;
	fresh->w_in = in;
	fresh->w_vp = vp;
	fresh->w_wd = wd = in->in_lastwd;
	fresh->w_mask = mask & ~(IN_MASK_ADD | IN_MASK_CREATE);
	fresh->w_vnext = vp->v_inotify;
	vp->v_inotify = fresh;
	fresh->w_innext = in->in_watches;
	in->in_watches = fresh;
	in->in_nwatches++;
	__atomic_add_fetch(&inotify_nwatches, 1, __ATOMIC_SEQ_CST);
	mutex_exit(&in_lock);
	return wd;

out_unused:
	if (fresh != NULL)
		kmem_free(fresh, sizeof(*fresh));
	vrele(vp);
	return wd;
}

long
sys_inotify_add_watch(int fd, const char *path, uint32_t mask)
{
	struct nameidata nd;
	struct file *f;
	struct vnode *vp;
	char *kpath;
	int error;

	/* Linux: some valid bit, and not both ways of setting the mask. */
	if (!(mask & IN_VALID_BITS))
		return -EINVAL;
	if ((mask & IN_MASK_ADD) && (mask & IN_MASK_CREATE))
		return -EINVAL;
	error = in_getfile(fd, &f);
	if (error != 0)
		return error;
	error = namei_getpath(path, &kpath);
	if (error != 0)
		goto out_file;
	error = namei(AT_FDCWD, kpath,
	    (mask & IN_DONT_FOLLOW) ? 0 : NI_FOLLOW, &nd);
	namei_putpath(kpath);
	if (error != 0)
		goto out_file;
	vp = nd.ni_vp;
	nd.ni_vp = NULL;
	namei_done(&nd);
	if ((mask & IN_ONLYDIR) && !vn_isdir(vp))
		error = -ENOTDIR;
	else
		error = vn_access(vp, R_OK);
	if (error != 0) {
		vrele(vp);
		goto out_file;
	}
	error = watch_add(f->f_data, vp, mask);
out_file:
	file_rele(f);
	return error;
}

long
sys_inotify_rm_watch(int fd, int wd)
{
	struct iwatch *w, *dead = NULL;
	struct inotify *in;
	struct file *f;
	int error;

	error = in_getfile(fd, &f);
	if (error != 0)
		return error;
	in = f->f_data;
	mutex_enter(&in_lock);
	for (w = in->in_watches; w != NULL; w = w->w_innext)
		if (w->w_wd == wd)
			break;
	if (w != NULL)
		watch_end(w, &dead);
	else
		error = -EINVAL;
	mutex_exit(&in_lock);
	in_reap(dead);
	file_rele(f);
	return error;
}
