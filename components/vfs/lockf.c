/*
 * lockf.c -- fcntl(2) byte-range locks (F_GETLK, F_SETLK, F_SETLKW and
 * the F_OFD_* forms) on vnodes.  A POSIX lock belongs to a process, an
 * OFD lock to an open file description; locks of one owner never
 * conflict with each other, and setting a range replaces the owner's
 * locks under it (splitting them as needed).
 *
 * Partial: POSIX locks are dropped when the description they were set
 * through is closed for the last time (or the process exits), not on
 * every close(2) of any descriptor of the file; F_SETLKW has no
 * deadlock detection.
 */
#include "vfs_int.h"

static bool
lf_overlap(const struct vlockf *lf, off_t start, off_t end)
{
	return lf->lf_start <= end && start <= lf->lf_end;
}

/* The first lock conflicting with (owner, type, range), or NULL. */
static struct vlockf *
lf_conflict(struct vnode *vp, void *owner, int type, off_t start, off_t end)
{
	struct vlockf *lf;

	for (lf = vp->v_lockf; lf != NULL; lf = lf->lf_next)
		if (lf->lf_owner != owner && lf_overlap(lf, start, end) &&
		    (type == F_WRLCK || lf->lf_type == F_WRLCK))
			return lf;
	return NULL;
}

/*
 * Take [start, end] out of owner's locks; a lock spanning the range is
 * split, which needs the spare *sparep (taken if used).  v_interlock.
 */
static void
lf_clear(struct vnode *vp, void *owner, off_t start, off_t end,
    struct vlockf **sparep, struct vlockf **freep)
{
	struct vlockf **pp = &vp->v_lockf, *lf;

	while ((lf = *pp) != NULL) {
		if (lf->lf_owner != owner || !lf_overlap(lf, start, end)) {
			pp = &lf->lf_next;
			continue;
		}
		if (lf->lf_start < start && lf->lf_end > end) {
			struct vlockf *tail = *sparep;
			*sparep = NULL;
			*tail = *lf;
			tail->lf_start = end + 1;
			lf->lf_end = start - 1;
			tail->lf_next = lf->lf_next;
			lf->lf_next = tail;
			return;
		}
		if (lf->lf_start < start) {
			lf->lf_end = start - 1;
		} else if (lf->lf_end > end) {
			lf->lf_start = end + 1;
		} else {
			*pp = lf->lf_next;
			lf->lf_next = *freep;
			*freep = lf;
			continue;
		}
		pp = &lf->lf_next;
	}
}

static void
lf_freelist(struct vlockf *lf)
{
	while (lf != NULL) {
		struct vlockf *next = lf->lf_next;
		kmem_free(lf, sizeof(*lf));
		lf = next;
	}
}

/* The range a struct flock describes for file f; 0 or -EINVAL. */
static int
lf_range(struct file *f, struct vnode *vp, const struct flock *fl,
    off_t *startp, off_t *endp)
{
	struct vattr va;
	off_t base, start, end;
	int error;

	switch (fl->l_whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		mutex_enter(&f->f_lock);
		base = f->f_offset;
		mutex_exit(&f->f_lock);
		break;
	case SEEK_END:
		error = vn_getattr(vp, &va);
		if (error != 0)
			return error;
		base = va.va_size;
		break;
	default:
		return -EINVAL;
	}
	if ((fl->l_start > 0 && base > INT64_MAX - fl->l_start))
		return -EOVERFLOW;
	start = base + fl->l_start;
	if (fl->l_len > 0) {
		if (start > INT64_MAX - fl->l_len + 1)
			return -EOVERFLOW;
		end = start + fl->l_len - 1;
	} else if (fl->l_len == 0) {
		end = INT64_MAX;
	} else {
		end = start - 1;
		start += fl->l_len;
	}
	if (start < 0)
		return -EINVAL;
	*startp = start;
	*endp = end;
	return 0;
}

int
vn_fcntl_lock(struct file *f, int cmd, void *uarg)
{
	struct vnode *vp = f->f_vnode;
	bool ofd = cmd == F_OFD_GETLK || cmd == F_OFD_SETLK ||
	    cmd == F_OFD_SETLKW;
	void *owner = ofd ? (void *)f : (void *)curproc;
	struct vlockf *new = NULL, *spare = NULL, *freed = NULL, *lf;
	struct flock fl;
	off_t start, end;
	int error;

	error = copyin(uarg, &fl, sizeof(fl));
	if (error != 0)
		return error;
	if (fl.l_type != F_RDLCK && fl.l_type != F_WRLCK &&
	    fl.l_type != F_UNLCK)
		return -EINVAL;
	if (ofd && fl.l_pid != 0)
		return -EINVAL;
	error = lf_range(f, vp, &fl, &start, &end);
	if (error != 0)
		return error;

	if (cmd == F_GETLK || cmd == F_OFD_GETLK) {
		if (fl.l_type == F_UNLCK)
			return -EINVAL;
		mutex_enter(&vp->v_interlock);
		lf = lf_conflict(vp, owner, fl.l_type, start, end);
		if (lf == NULL) {
			fl.l_type = F_UNLCK;
		} else {
			fl.l_type = (int16_t)lf->lf_type;
			fl.l_whence = SEEK_SET;
			fl.l_start = lf->lf_start;
			fl.l_len = lf->lf_end == INT64_MAX ? 0
			    : lf->lf_end - lf->lf_start + 1;
			fl.l_pid = lf->lf_ofd ? -1
			    : ((struct proc *)lf->lf_owner)->p_pid;
		}
		mutex_exit(&vp->v_interlock);
		return copyout(&fl, uarg, sizeof(fl));
	}

	if ((fl.l_type == F_RDLCK && (f->f_flag & O_ACCMODE) == O_WRONLY) ||
	    (fl.l_type == F_WRLCK && (f->f_flag & O_ACCMODE) == O_RDONLY))
		return -EBADF;
	spare = kmem_alloc(sizeof(*spare), KM_SLEEP);
	if (fl.l_type != F_UNLCK)
		new = kmem_alloc(sizeof(*new), KM_SLEEP);
	if (spare == NULL || (fl.l_type != F_UNLCK && new == NULL)) {
		error = -ENOLCK;
		goto out_free;
	}
	mutex_enter(&vp->v_interlock);
	if (fl.l_type != F_UNLCK) {
		while (lf_conflict(vp, owner, fl.l_type, start, end) != NULL) {
			if (cmd == F_SETLK || cmd == F_OFD_SETLK) {
				error = -EAGAIN;
				break;
			}
			error = cv_wait_sig(&vp->v_flockcv, &vp->v_interlock);
			if (error != 0)
				break;
		}
	}
	if (error == 0) {
		lf_clear(vp, owner, start, end, &spare, &freed);
		if (new != NULL) {
			*new = (struct vlockf){ .lf_owner = owner,
				.lf_file = f, .lf_ofd = ofd,
				.lf_type = fl.l_type, .lf_start = start,
				.lf_end = end, .lf_next = vp->v_lockf };
			vp->v_lockf = new;
			new = NULL;
		}
		cv_broadcast(&vp->v_flockcv);
	}
	mutex_exit(&vp->v_interlock);
out_free:
	if (new != NULL)
		kmem_free(new, sizeof(*new));
	if (spare != NULL)
		kmem_free(spare, sizeof(*spare));
	lf_freelist(freed);
	return error;
}

void
vn_lockf_release(struct file *f, struct vnode *vp)
{
	struct vlockf **pp, *lf, *freed = NULL;

	mutex_enter(&vp->v_interlock);
	pp = &vp->v_lockf;
	while ((lf = *pp) != NULL) {
		if (lf->lf_file == f) {
			*pp = lf->lf_next;
			lf->lf_next = freed;
			freed = lf;
		} else {
			pp = &lf->lf_next;
		}
	}
	if (freed != NULL)
		cv_broadcast(&vp->v_flockcv);
	mutex_exit(&vp->v_interlock);
	lf_freelist(freed);
}
