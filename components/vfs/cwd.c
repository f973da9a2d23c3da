/*
 * cwd.c -- per-process current and root directories (p_cwdi), set up
 * by a process hook: copied from the parent on fork, "/" for a fresh
 * process.  Processes made before the root file system was mounted (the
 * kernel's and the default process) get theirs on first use.
 */
#include "vfs_int.h"

static struct cwdinfo *
cwdi_alloc(struct vnode *cdir, struct vnode *rdir)
{
	struct cwdinfo *cw = kmem_zalloc(sizeof(*cw), KM_SLEEP);

	if (cw == NULL)
		return NULL;
	mutex_init(&cw->cwdi_lock, MUTEX_DEFAULT);
	if (cdir != NULL)
		vref(cdir);
	if (rdir != NULL)
		vref(rdir);
	cw->cwdi_cdir = cdir;
	cw->cwdi_rdir = rdir;
	return cw;
}

static void
cwdi_free(struct cwdinfo *cw)
{
	if (cw->cwdi_cdir != NULL)
		vrele(cw->cwdi_cdir);
	if (cw->cwdi_rdir != NULL)
		vrele(cw->cwdi_rdir);
	mutex_destroy(&cw->cwdi_lock);
	kmem_free(cw, sizeof(*cw));
}

int
cwd_procfork(struct proc *parent, struct proc *child, int flags)
{
	struct cwdinfo *pcw = parent != NULL ? parent->p_cwdi : NULL;
	struct cwdinfo *cw;

	(void)flags;
	if (pcw != NULL) {
		mutex_enter(&pcw->cwdi_lock);
		cw = cwdi_alloc(pcw->cwdi_cdir, pcw->cwdi_rdir);
		mutex_exit(&pcw->cwdi_lock);
	} else {
		cw = cwdi_alloc(rootvnode, rootvnode);
	}
	if (cw == NULL)
		return -ENOMEM;
	child->p_cwdi = cw;
	return 0;
}

void
cwd_procexit(struct proc *p)
{
	if (p->p_cwdi != NULL) {
		cwdi_free(p->p_cwdi);
		p->p_cwdi = NULL;
	}
}

/* The cwdinfo of curproc, made on first use; NULL: no memory. */
static struct cwdinfo *
cwdi_cur(void)
{
	struct proc *p = curproc;
	struct cwdinfo *cw;

	if (p->p_cwdi != NULL)
		return p->p_cwdi;
	cw = cwdi_alloc(rootvnode, rootvnode);
	if (cw == NULL)
		return NULL;
	mutex_enter(&p->p_lock);
	if (p->p_cwdi == NULL) {
		p->p_cwdi = cw;
		cw = NULL;
	}
	mutex_exit(&p->p_lock);
	if (cw != NULL)
		cwdi_free(cw);
	return p->p_cwdi;
}

static struct vnode *
cwdi_get(bool root)
{
	struct cwdinfo *cw = cwdi_cur();
	struct vnode *vp;

	if (cw == NULL) {
		vp = rootvnode;
		if (vp != NULL)
			vref(vp);
		return vp;
	}
	mutex_enter(&cw->cwdi_lock);
	/* Made before "/" existed: start there now. */
	if (cw->cwdi_cdir == NULL && rootvnode != NULL) {
		vref(rootvnode);
		cw->cwdi_cdir = rootvnode;
	}
	if (cw->cwdi_rdir == NULL && rootvnode != NULL) {
		vref(rootvnode);
		cw->cwdi_rdir = rootvnode;
	}
	vp = root ? cw->cwdi_rdir : cw->cwdi_cdir;
	if (vp != NULL)
		vref(vp);
	mutex_exit(&cw->cwdi_lock);
	return vp;
}

struct vnode *
cwd_get(void)
{
	return cwdi_get(false);
}

struct vnode *
root_get(void)
{
	return cwdi_get(true);
}

/* Replace the current process's cwd or root with vp (reference passed). */
static int
cwdi_replace(bool root, struct vnode *vp)
{
	struct cwdinfo *cw = cwdi_cur();
	struct vnode **slot, *old;

	if (cw == NULL) {
		vrele(vp);
		return -ENOMEM;
	}
	mutex_enter(&cw->cwdi_lock);
	slot = root ? &cw->cwdi_rdir : &cw->cwdi_cdir;
	old = *slot;
	*slot = vp;
	mutex_exit(&cw->cwdi_lock);
	if (old != NULL)
		vrele(old);
	return 0;
}

int
cwd_set(struct vnode *vp)
{
	return cwdi_replace(false, vp);
}

int
root_set(struct vnode *vp)
{
	return cwdi_replace(true, vp);
}

static struct proc_hooks cwd_hooks = {
	.ph_name = "cwd",
	.ph_fork = cwd_procfork,
	.ph_exit = cwd_procexit,
};

void
cwd_init(void)
{
	proc_hooks_register(&cwd_hooks);
}
