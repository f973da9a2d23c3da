/*
 * fifo.c -- named pipes: a FIFO node opened through the VFS gets a
 * bounded byte buffer shared by all its open files, with the open
 * rules of fifo(7): a reader's open waits for a writer and a writer's
 * for a reader unless O_NONBLOCK (a non-blocking writer without readers
 * gets ENXIO); O_RDWR never waits.  Reads see end of file when no
 * writer is left; writes without readers fail with EPIPE.
 */
#include "vfs_int.h"
#include <abi/ioctl.h>
#include <abi/limits.h>

#define FIFO_SIZE (16 * PAGE_SIZE) /* Linux's default pipe capacity */

struct fifo {
	kmutex_t fi_lock;
	kcondvar_t fi_cv;
	struct selinfo fi_sel;
	char *fi_buf;
	size_t fi_head;      /* next byte to read */
	size_t fi_count;     /* bytes buffered */
	int fi_readers, fi_writers;
	unsigned fi_rgen, fi_wgen; /* opens so far, for waiting opens */
	int fi_files;        /* open files using it */
};

static const struct fileops fifo_fileops;

static void
fifo_free(struct fifo *fi)
{
	selinfo_destroy(&fi->fi_sel);
	cv_destroy(&fi->fi_cv);
	mutex_destroy(&fi->fi_lock);
	kmem_free(fi->fi_buf, FIFO_SIZE);
	kmem_free(fi, sizeof(*fi));
}

static int
fifo_wait(struct fifo *fi)
{
	return cv_wait_sig(&fi->fi_cv, &fi->fi_lock);
}

static ssize_t
fifo_read(struct file *f, struct uio *uio, int flags)
{
	struct fifo *fi = f->f_data;
	size_t done = 0;
	int error = 0;

	(void)flags;
	mutex_enter(&fi->fi_lock);
	while (fi->fi_count == 0) {
		if (fi->fi_writers == 0 || uio->uio_resid == 0)
			goto out;
		if (f->f_flag & O_NONBLOCK) {
			error = -EAGAIN;
			goto out;
		}
		error = fifo_wait(fi);
		if (error != 0)
			goto out;
	}
	while (fi->fi_count > 0 && uio->uio_resid > 0) {
		size_t n = MIN(fi->fi_count, FIFO_SIZE - fi->fi_head);
		size_t before = uio->uio_resid;
		n = MIN(n, uio->uio_resid);
		error = uiomove(fi->fi_buf + fi->fi_head, n, uio);
		if (error != 0)
			break;
		n = before - uio->uio_resid;
		fi->fi_head = (fi->fi_head + n) % FIFO_SIZE;
		fi->fi_count -= n;
		done += n;
	}
	cv_broadcast(&fi->fi_cv);
	selnotify(&fi->fi_sel, POLLOUT | POLLWRNORM);
out:
	mutex_exit(&fi->fi_lock);
	return done > 0 ? (ssize_t)done : error;
}

static ssize_t
fifo_write(struct file *f, struct uio *uio, int flags)
{
	struct fifo *fi = f->f_data;
	size_t done = 0, total = uio->uio_resid;
	int error = 0;

	(void)flags;
	mutex_enter(&fi->fi_lock);
	while (uio->uio_resid > 0) {
		size_t space, tail, n, before;

		if (fi->fi_readers == 0) {
			error = -EPIPE;
			break;
		}
		space = FIFO_SIZE - fi->fi_count;
		/* Writes of at most PIPE_BUF bytes are not interleaved. */
		if (space == 0 || (total <= PIPE_BUF && space < uio->uio_resid)) {
			if (f->f_flag & O_NONBLOCK) {
				error = -EAGAIN;
				break;
			}
			error = fifo_wait(fi);
			if (error != 0)
				break;
			continue;
		}
		tail = (fi->fi_head + fi->fi_count) % FIFO_SIZE;
		n = MIN(space, FIFO_SIZE - tail);
		n = MIN(n, uio->uio_resid);
		before = uio->uio_resid;
		error = uiomove(fi->fi_buf + tail, n, uio);
		n = before - uio->uio_resid;
		fi->fi_count += n;
		done += n;
		cv_broadcast(&fi->fi_cv);
		selnotify(&fi->fi_sel, POLLIN | POLLRDNORM);
		if (error != 0)
			break;
	}
	mutex_exit(&fi->fi_lock);
	return done > 0 ? (ssize_t)done : error;
}

static int
fifo_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	struct fifo *fi = f->f_data;
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	mutex_enter(&fi->fi_lock);
	n = (int)fi->fi_count;
	mutex_exit(&fi->fi_lock);
	return copyout(&n, uarg, sizeof(n));
}

static int
fifo_poll(struct file *f, int events, struct pollwait *pw)
{
	struct fifo *fi = f->f_data;
	int acc = f->f_flag & O_ACCMODE;
	int revents = 0;

	mutex_enter(&fi->fi_lock);
	if (acc != O_WRONLY) {
		if (fi->fi_count > 0)
			revents |= events & (POLLIN | POLLRDNORM);
		else if (fi->fi_writers == 0 && fi->fi_wgen > 0)
			revents |= POLLHUP;
	}
	if (acc != O_RDONLY) {
		if (fi->fi_readers == 0)
			revents |= POLLERR;
		else if (FIFO_SIZE - fi->fi_count >= PIPE_BUF)
			revents |= events & (POLLOUT | POLLWRNORM);
	}
	if (revents == 0 && pw != NULL)
		selrecord(pw, &fi->fi_sel);
	mutex_exit(&fi->fi_lock);
	return revents;
}

static int
fifo_close(struct file *f)
{
	struct fifo *fi = f->f_data;
	struct vnode *vp = f->f_vnode;
	int acc = f->f_flag & O_ACCMODE;
	bool last;

	mutex_enter(&fi->fi_lock);
	if (acc != O_WRONLY)
		fi->fi_readers--;
	if (acc != O_RDONLY)
		fi->fi_writers--;
	cv_broadcast(&fi->fi_cv);
	selnotify(&fi->fi_sel, POLLIN | POLLOUT | POLLHUP);
	mutex_exit(&fi->fi_lock);

	mutex_enter(&vp->v_interlock);
	last = --fi->fi_files == 0;
	if (last)
		vp->v_fifo = NULL;
	mutex_exit(&vp->v_interlock);
	if (last)
		fifo_free(fi);
	return vn_close_file(f);
}

static const struct fileops fifo_fileops = {
	.fo_read = fifo_read,
	.fo_write = fifo_write,
	.fo_ioctl = fifo_ioctl,
	.fo_poll = fifo_poll,
	.fo_stat = vn_stat_file,
	.fo_close = fifo_close,
};

/* The FIFO of vp, made on the first open; counted in fi_files. */
static struct fifo *
fifo_get(struct vnode *vp)
{
	struct fifo *fi, *nfi = NULL;

	for (;;) {
		mutex_enter(&vp->v_interlock);
		fi = vp->v_fifo;
		if (fi == NULL && nfi != NULL) {
			vp->v_fifo = fi = nfi;
			nfi = NULL;
		}
		if (fi != NULL)
			fi->fi_files++;
		mutex_exit(&vp->v_interlock);
		if (fi != NULL)
			break;
		nfi = kmem_zalloc(sizeof(*nfi), KM_SLEEP);
		if (nfi == NULL)
			return NULL;
		nfi->fi_buf = kmem_alloc(FIFO_SIZE, KM_SLEEP);
		if (nfi->fi_buf == NULL) {
			kmem_free(nfi, sizeof(*nfi));
			return NULL;
		}
		mutex_init(&nfi->fi_lock, MUTEX_DEFAULT);
		cv_init(&nfi->fi_cv);
		selinfo_init(&nfi->fi_sel);
	}
	if (nfi != NULL)
		fifo_free(nfi);
	return fi;
}

int
fifo_open(struct vnode *vp, struct file *f, int flags)
{
	int acc = flags & O_ACCMODE;
	struct fifo *fi;
	unsigned gen;
	int error = 0;

	fi = fifo_get(vp);
	if (fi == NULL)
		return -ENOMEM;
	mutex_enter(&fi->fi_lock);
	if (acc == O_WRONLY && (flags & O_NONBLOCK) && fi->fi_readers == 0) {
		error = -ENXIO;
		goto out_unlock;
	}
	if (acc != O_WRONLY) {
		fi->fi_readers++;
		fi->fi_rgen++;
	}
	if (acc != O_RDONLY) {
		fi->fi_writers++;
		fi->fi_wgen++;
	}
	cv_broadcast(&fi->fi_cv);
	selnotify(&fi->fi_sel, POLLIN | POLLOUT);
	if (acc == O_RDONLY && !(flags & O_NONBLOCK)) {
		gen = fi->fi_wgen;
		while (fi->fi_writers == 0 && fi->fi_wgen == gen &&
		    error == 0)
			error = fifo_wait(fi);
		if (error != 0)
			fi->fi_readers--;
	} else if (acc == O_WRONLY) {
		gen = fi->fi_rgen;
		while (fi->fi_readers == 0 && fi->fi_rgen == gen &&
		    error == 0)
			error = fifo_wait(fi);
		if (error != 0)
			fi->fi_writers--;
	}
out_unlock:
	mutex_exit(&fi->fi_lock);
	if (error != 0) {
		bool last;

		mutex_enter(&vp->v_interlock);
		last = --fi->fi_files == 0;
		if (last)
			vp->v_fifo = NULL;
		mutex_exit(&vp->v_interlock);
		if (last)
			fifo_free(fi);
		return error;
	}
	f->f_ops = &fifo_fileops;
	f->f_data = fi;
	return 0;
}
