/*
 * fd.c -- descriptor tables: one per process (p_fd), set up and torn
 * down by proc hooks, mapping small numbers to referenced files.  The
 * table grows by doubling up to the process's RLIMIT_NOFILE.
 */
#include "sys_int.h"
#include <abi/sched.h>

/* Never more descriptors than this, whatever RLIMIT_NOFILE says. */
#define FD_HARDMAX (1 << 20)
#define FD_INITIAL 32

int
fd_nofile(void)
{
	unsigned long lim = curproc->p_rlimit[RLIMIT_NOFILE].rlim_cur;

	return lim > FD_HARDMAX ? FD_HARDMAX : (int)lim;
}

/* A descriptor of f is gone: tell the file (record locks), drop it. */
static void
fd_drop(struct file *f, struct proc *p)
{
	if (f->f_ops != NULL && f->f_ops->fo_closefd != NULL)
		f->f_ops->fo_closefd(f, p);
	file_rele(f);
}

static struct filedesc *
fdtab_alloc(int nfiles)
{
	struct filedesc *fdp = kmem_zalloc(sizeof(*fdp), KM_SLEEP);

	if (fdp == NULL)
		return NULL;
	fdp->fd_ofiles = kmem_zalloc((size_t)nfiles * sizeof(struct fdent),
	    KM_SLEEP);
	if (fdp->fd_ofiles == NULL) {
		kmem_free(fdp, sizeof(*fdp));
		return NULL;
	}
	fdp->fd_nfiles = nfiles;
	fdp->fd_refcnt = 1;
	mutex_init(&fdp->fd_lock, MUTEX_DEFAULT);
	return fdp;
}

static void
fdtab_free(struct filedesc *fdp)
{
	kmem_free(fdp->fd_ofiles, (size_t)fdp->fd_nfiles * sizeof(struct fdent));
	mutex_destroy(&fdp->fd_lock);
	kmem_free(fdp, sizeof(*fdp));
}

int
fdtab_create(struct proc *p)
{
	KASSERT(p->p_fd == NULL);
	p->p_fd = fdtab_alloc(FD_INITIAL);
	return p->p_fd == NULL ? -ENOMEM : 0;
}

/* A copy of parent's table: every open file gains a reference. */
static struct filedesc *
fdtab_copy(struct filedesc *src)
{
	struct filedesc *fdp;
	int n;

	mutex_enter(&src->fd_lock);
	n = src->fd_nfiles;
	mutex_exit(&src->fd_lock);
	fdp = fdtab_alloc(n);
	if (fdp == NULL)
		return NULL;
	mutex_enter(&src->fd_lock);
	/* The source may have grown meanwhile: copy what fits, retry rarely. */
	if (src->fd_nfiles != n) {
		mutex_exit(&src->fd_lock);
		fdtab_free(fdp);
		return fdtab_copy(src);
	}
	for (int i = 0; i < n; i++) {
		fdp->fd_ofiles[i] = src->fd_ofiles[i];
		if (fdp->fd_ofiles[i].fe_file != NULL)
			file_hold(fdp->fd_ofiles[i].fe_file);
	}
	fdp->fd_freehint = src->fd_freehint;
	mutex_exit(&src->fd_lock);
	return fdp;
}

static int
fd_procfork(struct proc *parent, struct proc *child, int flags)
{
	struct filedesc *src = parent != NULL ? parent->p_fd : NULL;

	child->p_fd = NULL;
	if (src == NULL || (flags & PROC_RFCFDG))
		return fdtab_create(child);
	if (flags & CLONE_FILES) {  /* clone(2): share, not copy */
		atomic_inc(&src->fd_refcnt);
		child->p_fd = src;
		return 0;
	}
	child->p_fd = fdtab_copy(src);
	return child->p_fd == NULL ? -ENOMEM : 0;
}

static void
fd_procexit(struct proc *p)
{
	struct filedesc *fdp = p->p_fd;

	if (fdp == NULL)
		return;
	p->p_fd = NULL;
	if (atomic_dec(&fdp->fd_refcnt) > 0)
		return;
	/* No lock needed: nobody else can reach the table any more. */
	for (int i = 0; i < fdp->fd_nfiles; i++) {
		struct file *f = fdp->fd_ofiles[i].fe_file;
		if (f != NULL) {
			fdp->fd_ofiles[i].fe_file = NULL;
			fd_drop(f, p);
		}
	}
	fdtab_free(fdp);
}

static struct proc_hooks fd_hooks = {
	.ph_name = "fd",
	.ph_fork = fd_procfork,
	.ph_exit = fd_procexit,
};

void
fd_init(void)
{
	proc_hooks_register(&fd_hooks);
}

struct file *
fd_getfile(int fd)
{
	struct filedesc *fdp = curproc->p_fd;
	struct file *f = NULL;

	if (__predict_false(fdp == NULL || fd < 0))
		return NULL;
	mutex_enter(&fdp->fd_lock);
	if (fd < fdp->fd_nfiles) {
		f = fdp->fd_ofiles[fd].fe_file;
		if (f != NULL)
			file_hold(f);
	}
	mutex_exit(&fdp->fd_lock);
	return f;
}

/*
 * Make the table hold slot `want` (fd_lock held; dropped and retaken
 * while allocating).  0, or -ENOMEM.
 */
static int
fdtab_grow(struct filedesc *fdp, int want)
{
	struct fdent *nf, *of;
	int n, on;

	while (want >= fdp->fd_nfiles) {
		n = fdp->fd_nfiles * 2;
		while (n <= want)
			n *= 2;
		mutex_exit(&fdp->fd_lock);
		nf = kmem_zalloc((size_t)n * sizeof(*nf), KM_SLEEP);
		mutex_enter(&fdp->fd_lock);
		if (nf == NULL)
			return -ENOMEM;
		if (fdp->fd_nfiles >= n) {  /* someone else grew it */
			kmem_free(nf, (size_t)n * sizeof(*nf));
			continue;
		}
		of = fdp->fd_ofiles;
		on = fdp->fd_nfiles;
		memcpy(nf, of, (size_t)on * sizeof(*nf));
		fdp->fd_ofiles = nf;
		fdp->fd_nfiles = n;
		kmem_free(of, (size_t)on * sizeof(*of));
	}
	return 0;
}

/* The lowest free slot >= minfd below lim, or -EMFILE (fd_lock held). */
static int
fd_findfree(struct filedesc *fdp, int minfd, int lim)
{
	int i = MAX(minfd, fdp->fd_freehint);
	int error;

	for (; i < lim; i++) {
		if (i >= fdp->fd_nfiles) {
			error = fdtab_grow(fdp, i);
			if (error != 0)
				return error;
		}
		if (fdp->fd_ofiles[i].fe_file == NULL)
			return i;
	}
	return -EMFILE;
}

static void
fd_install(struct filedesc *fdp, int fd, struct file *f, bool cloexec,
    int minfd)
{
	file_hold(f);
	fdp->fd_ofiles[fd].fe_file = f;
	fdp->fd_ofiles[fd].fe_flags = cloexec ? FDT_CLOEXEC : 0;
	if (minfd <= fdp->fd_freehint)
		fdp->fd_freehint = fd + 1;
}

int
fd_alloc(struct file *f, int minfd, bool cloexec)
{
	struct filedesc *fdp = curproc->p_fd;
	int fd;

	if (fdp == NULL)
		return -EMFILE;
	if (minfd < 0)
		return -EINVAL;
	mutex_enter(&fdp->fd_lock);
	fd = fd_findfree(fdp, minfd, fd_nofile());
	if (fd >= 0)
		fd_install(fdp, fd, f, cloexec, minfd);
	mutex_exit(&fdp->fd_lock);
	return fd;
}

int
fd_alloc2(struct file *f0, struct file *f1, bool cloexec, int fds[2])
{
	struct filedesc *fdp = curproc->p_fd;
	int lim = fd_nofile();

	if (fdp == NULL)
		return -EMFILE;
	mutex_enter(&fdp->fd_lock);
	fds[0] = fd_findfree(fdp, 0, lim);
	if (fds[0] < 0)
		goto out;
	fd_install(fdp, fds[0], f0, cloexec, 0);
	fds[1] = fd_findfree(fdp, 0, lim);
	if (fds[1] < 0) {
		fdp->fd_ofiles[fds[0]].fe_file = NULL;
		fdp->fd_freehint = MIN(fdp->fd_freehint, fds[0]);
		mutex_exit(&fdp->fd_lock);
		file_rele(f0);
		return fds[1];
	}
	fd_install(fdp, fds[1], f1, cloexec, 0);
out:
	mutex_exit(&fdp->fd_lock);
	return fds[0] < 0 ? fds[0] : 0;
}

int
fd_dup2(struct file *f, int fd, bool cloexec)
{
	struct filedesc *fdp = curproc->p_fd;
	struct file *old;
	int error;

	if (fdp == NULL || fd < 0 || fd >= fd_nofile())
		return -EBADF;
	mutex_enter(&fdp->fd_lock);
	if (fd >= fdp->fd_nfiles) {
		error = fdtab_grow(fdp, fd);
		if (error != 0) {
			mutex_exit(&fdp->fd_lock);
			return error;
		}
	}
	old = fdp->fd_ofiles[fd].fe_file;
	file_hold(f);
	fdp->fd_ofiles[fd].fe_file = f;
	fdp->fd_ofiles[fd].fe_flags = cloexec ? FDT_CLOEXEC : 0;
	mutex_exit(&fdp->fd_lock);
	if (old != NULL)
		fd_drop(old, curproc);
	return fd;
}

int
fd_close(int fd)
{
	struct filedesc *fdp = curproc->p_fd;
	struct file *f;

	if (fdp == NULL || fd < 0)
		return -EBADF;
	mutex_enter(&fdp->fd_lock);
	if (fd >= fdp->fd_nfiles || fdp->fd_ofiles[fd].fe_file == NULL) {
		mutex_exit(&fdp->fd_lock);
		return -EBADF;
	}
	f = fdp->fd_ofiles[fd].fe_file;
	fdp->fd_ofiles[fd].fe_file = NULL;
	fdp->fd_ofiles[fd].fe_flags = 0;
	if (fd < fdp->fd_freehint)
		fdp->fd_freehint = fd;
	mutex_exit(&fdp->fd_lock);
	fd_drop(f, curproc);
	return 0;
}

int
fd_getflags(int fd)
{
	struct filedesc *fdp = curproc->p_fd;
	int r = -EBADF;

	if (fdp == NULL || fd < 0)
		return -EBADF;
	mutex_enter(&fdp->fd_lock);
	if (fd < fdp->fd_nfiles && fdp->fd_ofiles[fd].fe_file != NULL)
		r = fdp->fd_ofiles[fd].fe_flags;
	mutex_exit(&fdp->fd_lock);
	return r;
}

int
fd_setflags(int fd, int flags)
{
	struct filedesc *fdp = curproc->p_fd;
	int r = -EBADF;

	if (fdp == NULL || fd < 0)
		return -EBADF;
	mutex_enter(&fdp->fd_lock);
	if (fd < fdp->fd_nfiles && fdp->fd_ofiles[fd].fe_file != NULL) {
		fdp->fd_ofiles[fd].fe_flags = flags;
		r = 0;
	}
	mutex_exit(&fdp->fd_lock);
	return r;
}

void
fd_closeexec(void)
{
	struct filedesc *fdp = curproc->p_fd;

	if (fdp == NULL)
		return;
	for (int fd = 0;; fd++) {
		struct file *f = NULL;

		mutex_enter(&fdp->fd_lock);
		if (fd >= fdp->fd_nfiles) {
			mutex_exit(&fdp->fd_lock);
			break;
		}
		if (fdp->fd_ofiles[fd].fe_file != NULL &&
		    (fdp->fd_ofiles[fd].fe_flags & FDT_CLOEXEC)) {
			f = fdp->fd_ofiles[fd].fe_file;
			fdp->fd_ofiles[fd].fe_file = NULL;
			fdp->fd_ofiles[fd].fe_flags = 0;
			fdp->fd_freehint = MIN(fdp->fd_freehint, fd);
		}
		mutex_exit(&fdp->fd_lock);
		if (f != NULL)
			fd_drop(f, curproc);
	}
}
