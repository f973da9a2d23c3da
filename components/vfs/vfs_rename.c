/*
 * vfs_rename.c -- rename(2), renameat(2), renameat2(2).  The checks
 * that need only the two lookups are done here, in the order Linux
 * does them (so programs see the same errno); the file system does the
 * ones that need the tree under its lock (ancestry, emptiness, types).
 */
#include "vfs_int.h"
#include "vfs_notify.h"
#include "vfs_sys.h"

/*
 * Is directory a an ancestor of (or the same as) directory d, within
 * their mount?  Walks up through "..", so it is only a hint for the
 * errno order; the file system checks again under its lock.
 */
static bool
is_ancestor(struct vnode *a, struct vnode *d)
{
	struct vnode *cur, *up;
	bool found = false;

	vref(d);
	cur = d;
	for (int depth = 0; depth < 4096; depth++) {
		if (cur == a) {
			found = true;
			break;
		}
		if ((cur->v_vflag & VV_ROOT) ||
		    cur->v_op->vop_lookup(cur, "..", 2, &up) != 0)
			break;
		vrele(cur);
		cur = up;
	}
	vrele(cur);
	return found;
}

static int
do_rename(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, unsigned int flags)
{
	struct nameidata ond, nnd;
	struct vnode *fvp, *tvp;
	int error;

	error = namei(olddirfd, oldpath, NI_PARENT, &ond);
	if (error != 0)
		return error;
	error = namei(newdirfd, newpath, NI_PARENT, &nnd);
	if (error != 0)
		goto out_old;
	fvp = ond.ni_vp;
	tvp = nnd.ni_vp;
	if (ond.ni_namelen == 0 || nnd.ni_namelen == 0) {
		error = -EBUSY;
		goto out_new;
	}
	if (ond.ni_dvp->v_mount != nnd.ni_dvp->v_mount) {
		error = -EXDEV;
		goto out_new;
	}
	if (nd_isdot(&ond)) {
		error = -EBUSY;
		goto out_new;
	}
	if (nd_isdot(&nnd)) {
		error = (flags & RENAME_NOREPLACE) ? -EEXIST : -EBUSY;
		goto out_new;
	}
	if (fvp == NULL) {
		error = -ENOENT;
		goto out_new;
	}
	if ((flags & RENAME_NOREPLACE) && tvp != NULL) {
		error = -EEXIST;
		goto out_new;
	}
	if ((flags & RENAME_EXCHANGE) && tvp == NULL) {
		error = -ENOENT;
		goto out_new;
	}
	if (!(flags & RENAME_EXCHANGE) && !vn_isdir(fvp) &&
	    (ond.ni_trailslash || nnd.ni_trailslash)) {
		error = -ENOTDIR;
		goto out_new;
	}
	if ((flags & RENAME_EXCHANGE) &&
	    ((ond.ni_trailslash && !vn_isdir(fvp)) ||
		(nnd.ni_trailslash && !vn_isdir(tvp)))) {
		error = -ENOTDIR;
		goto out_new;
	}
	/* Never below itself; never over one of its own ancestors. */
	if (ond.ni_dvp != nnd.ni_dvp) {
		if (vn_isdir(fvp) && is_ancestor(fvp, nnd.ni_dvp)) {
			error = -EINVAL;
			goto out_new;
		}
		if (tvp != NULL && vn_isdir(tvp) &&
		    is_ancestor(tvp, ond.ni_dvp)) {
			error = (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
			goto out_new;
		}
	}
	if (fvp == tvp) {
		error = 0; /* two names of one file: nothing to do */
		goto out_new;
	}
	error = may_delete(ond.ni_dvp, fvp);
	if (error == 0 && tvp != NULL) {
		error = may_delete(nnd.ni_dvp, tvp);
		if (error == 0 && !(flags & RENAME_EXCHANGE)) {
			if (vn_isdir(fvp) && !vn_isdir(tvp))
				error = -ENOTDIR;
			else if (!vn_isdir(fvp) && vn_isdir(tvp))
				error = -EISDIR;
		}
	} else if (error == 0) {
		error = may_create(nnd.ni_dvp);
	}
	/* Moving a directory rewrites its "..": that needs write access
	 * to it too, unless it stays in the same parent. */
	if (error == 0 && vn_isdir(fvp) && ond.ni_dvp != nnd.ni_dvp)
		error = vn_access(fvp, W_OK);
	if (error == 0 && (flags & RENAME_EXCHANGE) && vn_isdir(tvp) &&
	    ond.ni_dvp != nnd.ni_dvp)
		error = vn_access(tvp, W_OK);
	if (error != 0)
		goto out_new;
	if ((fvp->v_vflag & VV_ROOT) ||
	    (tvp != NULL && (tvp->v_vflag & VV_ROOT))) {
		error = -EBUSY;
		goto out_new;
	}
	if (ond.ni_dvp->v_op->vop_rename == NULL) {
		error = -EPERM;
		goto out_new;
	}
	error = ond.ni_dvp->v_op->vop_rename(ond.ni_dvp, ond.ni_name,
	    ond.ni_namelen, nnd.ni_dvp, nnd.ni_name, nnd.ni_namelen, flags);
	if (error == 0)
		vfs_notify_rename(ond.ni_dvp, ond.ni_name, ond.ni_namelen,
		    nnd.ni_dvp, nnd.ni_name, nnd.ni_namelen, fvp, tvp,
		    (flags & RENAME_EXCHANGE) != 0);
out_new:
	namei_done(&nnd);
out_old:
	namei_done(&ond);
	return error;
}

long
sys_renameat2(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath, unsigned int flags)
{
	char *kold, *knew;
	long error;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	if (flags & RENAME_WHITEOUT)
		return -EINVAL; /* no overlay file systems here */
	error = namei_getpath(oldpath, &kold);
	if (error != 0)
		return error;
	error = namei_getpath(newpath, &knew);
	if (error == 0) {
		error = do_rename(olddirfd, kold, newdirfd, knew, flags);
		namei_putpath(knew);
	}
	namei_putpath(kold);
	return error;
}

long
sys_renameat(int olddirfd, const char *oldpath, int newdirfd,
    const char *newpath)
{
	return sys_renameat2(olddirfd, oldpath, newdirfd, newpath, 0);
}

long
sys_rename(const char *oldpath, const char *newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}
