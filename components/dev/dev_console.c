/*
 * dev_console.c -- the console: /dev/console and /dev/tty.  Input comes
 * from rumpuser_console_read, output goes to rumpuser_console_write on
 * the stream in f_data (standard output, or standard error for the
 * descriptor 2 console_open_stdio makes).  It answers the terminal
 * ioctls programs ask before they decide how to behave (isatty(3) is
 * TCGETS) with a sane cooked-mode termios and an 80x24 window.
 */
#include "dev_int.h"
#include <dev/console.h>
#include <rumpuser.h>

#define CONS_CHUNK 1024

static ssize_t
cons_read(struct file *f, struct uio *uio, int flags)
{
	char buf[CONS_CHUNK];
	uint64_t got = 0;
	size_t n = MIN(uio->uio_resid, sizeof(buf));
	int error;

	(void)f;
	(void)flags;
	if (n == 0)
		return 0;
	/* One read of what the host has: a terminal returns what is there. */
	error = rumpuser_console_read(buf, n, &got);
	if (error != 0)
		return -error;
	error = uiomove(buf, (size_t)got, uio);
	return error != 0 ? error : (ssize_t)got;
}

static ssize_t
cons_write(struct file *f, struct uio *uio, int flags)
{
	int stream = (int)(intptr_t)f->f_data;
	char buf[CONS_CHUNK];
	size_t done = 0;

	(void)flags;
	while (uio->uio_resid > 0) {
		size_t n = MIN(uio->uio_resid, sizeof(buf));
		int error = uiomove(buf, n, uio);
		if (error == 0)
			error = -rumpuser_console_write(stream, buf, n);
		if (error != 0)
			return done > 0 ? (ssize_t)done : error;
		done += n;
	}
	return (ssize_t)done;
}

static const struct termios cons_termios = {
	.c_iflag = ICRNL | IXON | IUTF8,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE |
	    IEXTEN,
	.c_cc = {
		[VINTR] = 3, [VQUIT] = 28, [VERASE] = 127, [VKILL] = 21,
		[VEOF] = 4, [VTIME] = 0, [VMIN] = 1, [VSTART] = 17,
		[VSTOP] = 19, [VSUSP] = 26, [VREPRINT] = 18,
		[VDISCARD] = 15, [VWERASE] = 23, [VLNEXT] = 22,
	},
};

static int
cons_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	struct termios t;
	int n = 0;
	pid_t pg;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copyout(&cons_termios, uarg, sizeof(cons_termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		/* Accepted and ignored: the host's terminal is the host's. */
		return copyin(uarg, &t, sizeof(t));
	case TIOCGWINSZ:
		return copyout(&ws, uarg, sizeof(ws));
	case TIOCSWINSZ:
		return copyin(uarg, &ws, sizeof(ws));
	case FIONREAD:
		return copyout(&n, uarg, sizeof(n));
	case TIOCGPGRP:
		pg = curproc->p_pgid;
		return copyout(&pg, uarg, sizeof(pg));
	case TIOCSPGRP:
		return copyin(uarg, &pg, sizeof(pg));
	case TCFLSH:
	case TCXONC:
	case TCSBRK:
	case TCSBRKP:
		return 0;
	default:
		return -ENOTTY;
	}
}

static int
cons_poll(struct file *f, int events, struct pollwait *pw)
{
	(void)f;
	(void)pw;
	/* Output never waits; input may, but the hypercall interface has
	 * no way to ask, so input is reported ready and reads block. */
	return events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

static int
cons_stat(struct file *f, struct stat *st)
{
	if (f->f_vnode != NULL)
		return vn_stat(f->f_vnode, st);
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_rdev = dev_make(TTYAUX_MAJOR, TTY_CONSOLE);
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static int
cons_close(struct file *f)
{
	return vn_close_file(f);
}

static const struct fileops cons_ops = {
	.fo_read = cons_read,
	.fo_write = cons_write,
	.fo_ioctl = cons_ioctl,
	.fo_poll = cons_poll,
	.fo_stat = cons_stat,
	.fo_close = cons_close,
};

static int
cons_open(dev_t dev, struct file *f, int flags)
{
	(void)flags;
	if (dev_minor(dev) != TTY_TTY && dev_minor(dev) != TTY_CONSOLE)
		return -ENXIO;
	f->f_ops = &cons_ops;
	f->f_data = (void *)(intptr_t)RUMPUSER_CONSOLE_OUT;
	return 0;
}

const struct cdevsw console_cdevsw = { .d_name = "console", .d_open = cons_open };

/* A console file for stream: through /dev/console if it is there (so
 * fstat shows the node), else a bare one. */
static int
cons_file(int flags, int stream, struct file **fp)
{
	struct file *f;
	int error;

	error = vfs_open_file(AT_FDCWD, "/dev/console", flags, 0, &f);
	if (error != 0 || f->f_ops != &cons_ops) {
		if (error == 0)
			file_rele(f);
		f = file_alloc(&cons_ops, DTYPE_VNODE, flags, NULL);
		if (f == NULL)
			return -ENOMEM;
	}
	f->f_data = (void *)(intptr_t)stream;
	*fp = f;
	return 0;
}

int
console_open_stdio(struct proc *p)
{
	static const struct { int flags, stream; } std[3] = {
		{ O_RDONLY, RUMPUSER_CONSOLE_OUT },
		{ O_WRONLY, RUMPUSER_CONSOLE_OUT },
		{ O_WRONLY, RUMPUSER_CONSOLE_ERR },
	};
	int fd, error = 0, n;

	if (p != curproc)
		return -EINVAL;
	for (n = 0; n < 3; n++) {
		struct file *f;

		error = cons_file(std[n].flags, std[n].stream, &f);
		if (error != 0)
			break;
		fd = fd_alloc(f, n, false);
		file_rele(f);
		if (fd < 0) {
			error = fd;
			break;
		}
		if (fd != n) {
			fd_close(fd);
			error = -EBUSY;
			break;
		}
	}
	if (error != 0)
		while (n-- > 0)
			fd_close(n);
	return error;
}
