/*
 * dev_mem.c -- the memory devices of major 1: null (discards, reads end
 * of file), zero (reads zeros), full (reads zeros, writes fail with
 * ENOSPC), random and urandom (the host's entropy through
 * rumpuser_getrandom; urandom never blocks).
 */
#include "dev_int.h"
#include <rumpuser.h>

static const char zeros[256];

static ssize_t
null_read(struct file *f, struct uio *uio, int flags)
{
	(void)f;
	(void)uio;
	(void)flags;
	return 0;
}

static ssize_t
null_write(struct file *f, struct uio *uio, int flags)
{
	size_t n = uio->uio_resid;

	(void)f;
	(void)flags;
	/* Consume without touching the buffers: Linux does not read them. */
	uio->uio_resid = 0;
	return (ssize_t)n;
}

static ssize_t
zero_read(struct file *f, struct uio *uio, int flags)
{
	size_t done = 0;

	(void)f;
	(void)flags;
	while (uio->uio_resid > 0) {
		size_t n = MIN(uio->uio_resid, sizeof(zeros));
		int error = uiomove((void *)zeros, n, uio);
		if (error != 0)
			return done > 0 ? (ssize_t)done : error;
		done += n;
	}
	return (ssize_t)done;
}

static ssize_t
full_write(struct file *f, struct uio *uio, int flags)
{
	(void)f;
	(void)uio;
	(void)flags;
	return -ENOSPC;
}

static ssize_t
random_read(struct file *f, struct uio *uio, int flags)
{
	bool nowait = (dev_minor(f->f_vnode->v_rdev) == MEM_URANDOM) ||
	    (f->f_flag & O_NONBLOCK);
	char buf[256];
	size_t done = 0;

	(void)flags;
	while (uio->uio_resid > 0) {
		uint64_t got = 0;
		size_t n = MIN(uio->uio_resid, sizeof(buf));
		int error = rumpuser_getrandom(buf, n,
		    nowait ? RUMPUSER_RANDOM_NOWAIT : 0, &got);
		if (error != 0)
			return done > 0 ? (ssize_t)done : -error;
		if (got == 0)
			return done > 0 ? (ssize_t)done : -EAGAIN;
		error = uiomove(buf, (size_t)got, uio);
		if (error != 0)
			return done > 0 ? (ssize_t)done : error;
		done += (size_t)got;
	}
	return (ssize_t)done;
}

static int
mem_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	(void)f;
	(void)cmd;
	(void)uarg;
	return -ENOTTY;
}

static int
mem_poll(struct file *f, int events, struct pollwait *pw)
{
	(void)f;
	(void)pw;
	return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

/* Seeking these devices succeeds and means nothing (as on Linux). */
static off_t
mem_seek(struct file *f, off_t off, int whence)
{
	(void)f;
	(void)off;
	(void)whence;
	return 0;
}

#define MEMOPS(rd, wr) {                                                \
		.fo_read = (rd), .fo_write = (wr), .fo_ioctl = mem_ioctl, \
		.fo_poll = mem_poll, .fo_stat = vn_stat_file,           \
		.fo_close = vn_close_file, .fo_seek = mem_seek,         \
	}

static const struct fileops null_ops = MEMOPS(null_read, null_write);
static const struct fileops zero_ops = MEMOPS(zero_read, null_write);
static const struct fileops full_ops = MEMOPS(zero_read, full_write);
static const struct fileops random_ops = MEMOPS(random_read, null_write);

static int
mem_open(dev_t dev, struct file *f, int flags)
{
	(void)flags;
	switch (dev_minor(dev)) {
	case MEM_NULL:
		f->f_ops = &null_ops;
		return 0;
	case MEM_ZERO:
		f->f_ops = &zero_ops;
		return 0;
	case MEM_FULL:
		f->f_ops = &full_ops;
		return 0;
	case MEM_RANDOM:
	case MEM_URANDOM:
		f->f_ops = &random_ops;
		return 0;
	default:
		return -ENXIO;
	}
}

const struct cdevsw mem_cdevsw = { .d_name = "mem", .d_open = mem_open };
