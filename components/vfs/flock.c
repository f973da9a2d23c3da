/*
 * flock.c -- flock(2): whole-file advisory locks held by open file
 * descriptions, shared or exclusive, on the vnode (under v_interlock).
 * Converting a lock drops the old one first, as on Linux.
 */
#include "vfs_int.h"

static void
flock_drop(struct file *f, struct vnode *vp, struct vflock **freep)
{
	struct vflock **pp;

	for (pp = &vp->v_flocks; *pp != NULL; pp = &(*pp)->vl_next) {
		if ((*pp)->vl_file == f) {
			*freep = *pp;
			*pp = (*pp)->vl_next;
			cv_broadcast(&vp->v_flockcv);
			return;
		}
	}
}

int
vn_flock(struct file *f, struct vnode *vp, int op)
{
	bool nb = (op & LOCK_NB) != 0;
	struct vflock *mine = NULL, *vl, *old = NULL;
	int error = 0;

	op &= ~LOCK_NB;
	if (op != LOCK_SH && op != LOCK_EX && op != LOCK_UN)
		return -EINVAL;
	if (op != LOCK_UN) {
		mine = kmem_alloc(sizeof(*mine), KM_SLEEP);
		if (mine == NULL)
			return -ENOLCK;
		mine->vl_file = f;
		mine->vl_type = op;
	}
	mutex_enter(&vp->v_interlock);
	for (vl = vp->v_flocks; vl != NULL; vl = vl->vl_next)
		if (vl->vl_file == f)
			break;
	if (vl != NULL && vl->vl_type == op) {
		mutex_exit(&vp->v_interlock);
		kmem_free(mine, sizeof(*mine));
		return 0;
	}
	flock_drop(f, vp, &old);
	if (op == LOCK_UN)
		goto out;
	for (;;) {
		bool conflict = false;
		for (vl = vp->v_flocks; vl != NULL; vl = vl->vl_next)
			if (op == LOCK_EX || vl->vl_type == LOCK_EX)
				conflict = true;
		if (!conflict)
			break;
		if (nb) {
			error = -EWOULDBLOCK;
			goto out;
		}
		error = cv_wait_sig(&vp->v_flockcv, &vp->v_interlock);
		if (error != 0)
			goto out;
	}
	mine->vl_next = vp->v_flocks;
	vp->v_flocks = mine;
	mine = NULL;
out:
	mutex_exit(&vp->v_interlock);
	if (mine != NULL)
		kmem_free(mine, sizeof(*mine));
	if (old != NULL)
		kmem_free(old, sizeof(*old));
	return error;
}

void
vn_flock_release(struct file *f, struct vnode *vp)
{
	struct vflock *old = NULL;

	mutex_enter(&vp->v_interlock);
	if (vp->v_flocks != NULL)
		flock_drop(f, vp, &old);
	mutex_exit(&vp->v_interlock);
	if (old != NULL)
		kmem_free(old, sizeof(*old));
}

__attribute__((__weak__)) long
sys_flock(int fd, int operation)
{
	struct file *f = fd_getfile(fd);
	int error;

	if (f == NULL)
		return -EBADF;
	if (f->f_vnode == NULL || (f->f_flag & O_PATH))
		error = -EBADF;
	else
		error = vn_flock(f, f->f_vnode, operation);
	file_rele(f);
	return error;
}
