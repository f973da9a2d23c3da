/*
 * ktest_dev.c -- kernel self-tests of the devices: /dev is there with
 * the right nodes, null/zero/full/urandom behave, the console answers
 * terminal ioctls, and console_open_stdio gives a process 0, 1 and 2.
 */
#include "../ktest/ktest.h"
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/ioctl.h>
#include <vfs/vnode.h>
#include <vfs/vfs.h>
#include <dev/console.h>

static ssize_t
kt_io(struct file *f, int rw, void *buf, size_t len)
{
	struct iovec iov = { buf, len };
	struct uio uio = { .uio_iov = &iov, .uio_iovcnt = 1, .uio_resid = len,
		.uio_rw = rw, .uio_user = false };

	return rw == UIO_READ ? f->f_ops->fo_read(f, &uio, FOF_UPDATE_OFFSET)
	    : f->f_ops->fo_write(f, &uio, FOF_UPDATE_OFFSET);
}

KTEST(dev_nodes_exist)
{
	static const struct { const char *path; unsigned ma, mi; } nodes[] = {
		{ "/dev/null", 1, 3 }, { "/dev/zero", 1, 5 },
		{ "/dev/full", 1, 7 }, { "/dev/random", 1, 8 },
		{ "/dev/urandom", 1, 9 }, { "/dev/tty", 5, 0 },
		{ "/dev/console", 5, 1 },
	};
	struct stat st;

	for (size_t i = 0; i < ARRAY_SIZE(nodes); i++) {
		if (!KT_EQ(kt, vfs_statat(AT_FDCWD, nodes[i].path, &st, 0), 0))
			continue;
		KT_CHECK(kt, S_ISCHR(st.st_mode));
		KT_EQ(kt, dev_major(st.st_rdev), nodes[i].ma);
		KT_EQ(kt, dev_minor(st.st_rdev), nodes[i].mi);
	}
}

KTEST(dev_null_zero_full)
{
	struct file *f;
	char buf[100];

	if (!KT_EQ(kt, vfs_open_file(AT_FDCWD, "/dev/null", O_RDWR, 0, &f), 0))
		return;
	KT_EQ(kt, kt_io(f, UIO_WRITE, buf, sizeof(buf)), sizeof(buf));
	KT_EQ(kt, kt_io(f, UIO_READ, buf, sizeof(buf)), 0);
	file_rele(f);

	if (!KT_EQ(kt, vfs_open_file(AT_FDCWD, "/dev/zero", O_RDWR, 0, &f), 0))
		return;
	memset(buf, 1, sizeof(buf));
	KT_EQ(kt, kt_io(f, UIO_READ, buf, sizeof(buf)), sizeof(buf));
	KT_EQ(kt, buf[0] | buf[50] | buf[99], 0);
	KT_EQ(kt, kt_io(f, UIO_WRITE, buf, sizeof(buf)), sizeof(buf));
	file_rele(f);

	if (!KT_EQ(kt, vfs_open_file(AT_FDCWD, "/dev/full", O_RDWR, 0, &f), 0))
		return;
	KT_EQ(kt, kt_io(f, UIO_WRITE, buf, sizeof(buf)), -ENOSPC);
	KT_EQ(kt, kt_io(f, UIO_READ, buf, sizeof(buf)), sizeof(buf));
	file_rele(f);
}

KTEST(dev_urandom)
{
	struct file *f;
	unsigned char a[64], b[64];

	if (!KT_EQ(kt, vfs_open_file(AT_FDCWD, "/dev/urandom", O_RDONLY, 0,
	    &f), 0))
		return;
	KT_EQ(kt, kt_io(f, UIO_READ, a, sizeof(a)), sizeof(a));
	KT_EQ(kt, kt_io(f, UIO_READ, b, sizeof(b)), sizeof(b));
	KT_CHECK(kt, memcmp(a, b, sizeof(a)) != 0);
	file_rele(f);
}

KTEST(dev_console_is_a_terminal)
{
	struct termios t;
	struct winsize ws;
	struct file *f;

	if (!KT_EQ(kt, vfs_open_file(AT_FDCWD, "/dev/console", O_RDWR, 0, &f),
	    0))
		return;
	KT_EQ(kt, f->f_ops->fo_ioctl(f, TCGETS, &t), 0);
	KT_CHECK(kt, (t.c_lflag & ICANON) != 0);
	KT_EQ(kt, f->f_ops->fo_ioctl(f, TIOCGWINSZ, &ws), 0);
	KT_EQ(kt, ws.ws_col, 80);
	KT_EQ(kt, ws.ws_row, 24);
	KT_EQ(kt, f->f_ops->fo_ioctl(f, 0x12345678, &ws), -ENOTTY);
	file_rele(f);
}

KTEST(dev_console_open_stdio)
{
	struct file *f;
	struct stat st;

	KT_EQ(kt, console_open_stdio(&proc0), -EINVAL);
	if (!KT_EQ(kt, console_open_stdio(curproc), 0))
		return;
	/* Taken now: a second call must fail and leave them alone. */
	KT_EQ(kt, console_open_stdio(curproc), -EBUSY);
	for (int fd = 0; fd < 3; fd++) {
		f = fd_getfile(fd);
		if (!KT_CHECK(kt, f != NULL))
			continue;
		KT_EQ(kt, f->f_ops->fo_stat(f, &st), 0);
		KT_CHECK(kt, S_ISCHR(st.st_mode));
		KT_EQ(kt, f->f_flag & O_ACCMODE, fd == 0 ? O_RDONLY : O_WRONLY);
		file_rele(f);
	}
	f = fd_getfile(1);
	if (f != NULL) {
		KT_EQ(kt, kt_io(f, UIO_WRITE, "", 0), 0);
		file_rele(f);
	}
	for (int fd = 0; fd < 3; fd++)
		fd_close(fd);
}
