/*
 * ktest_file.c -- kernel self-tests of the file/descriptor boundary
 * (sys/file.h): reference counting, descriptor allocation, copyin and
 * friends, uiomove, and selinfo wake-ups.
 */
#include "../ktest/ktest.h"
#include "../../components/sys/sys_int.h"

static int test_closes;

static int
test_close(struct file *f)
{
	test_closes++;
	return 0;
}

static int test_closefds;

static void
test_closefd(struct file *f, struct proc *p)
{
	if (p == curproc && f->f_refcnt >= 2)
		test_closefds++;
}

static const struct fileops test_ops = {
	.fo_close = test_close,
	.fo_closefd = test_closefd,
};

KTEST(file_refcount)
{
	struct file *f = file_alloc(&test_ops, DTYPE_MISC, O_RDWR, NULL);

	if (!KT_CHECK(kt, f != NULL))
		return;
	test_closes = 0;
	KT_EQ(kt, f->f_refcnt, 1);
	file_hold(f);
	KT_EQ(kt, f->f_refcnt, 2);
	file_rele(f);
	KT_EQ(kt, test_closes, 0);
	file_rele(f);
	KT_EQ(kt, test_closes, 1);
}

KTEST(fd_alloc_lowest)
{
	struct file *f = file_alloc(&test_ops, DTYPE_MISC, O_RDWR, NULL);
	struct file *g;
	int a, b, c;

	if (!KT_CHECK(kt, f != NULL))
		return;
	test_closes = 0;
	a = fd_alloc(f, 0, false);
	b = fd_alloc(f, 0, true);
	c = fd_alloc(f, 10, false);
	KT_EQ(kt, a, 0);   /* a fresh process has no descriptors */
	KT_EQ(kt, b, 1);
	KT_EQ(kt, c, 10);
	KT_EQ(kt, f->f_refcnt, 4);
	KT_EQ(kt, fd_getflags(b), FDT_CLOEXEC);
	KT_EQ(kt, fd_close(a), 0);
	KT_EQ(kt, fd_close(a), -EBADF);
	KT_EQ(kt, fd_alloc(f, 0, false), 0);   /* the hole is reused */
	KT_EQ(kt, fd_alloc(f, 0, false), 2);
	g = fd_getfile(10);
	KT_CHECK(kt, g == f);
	if (g != NULL)
		file_rele(g);
	KT_CHECK(kt, fd_getfile(11) == NULL);
	KT_CHECK(kt, fd_getfile(-1) == NULL);
	KT_EQ(kt, fd_alloc(f, -1, false), -EINVAL);
	/* Growth beyond the initial table. */
	KT_EQ(kt, fd_alloc(f, 500, false), 500);
	KT_EQ(kt, fd_dup2(f, 700, false), 700);
	KT_EQ(kt, fd_dup2(f, 1 << 20, false), -EBADF);
	fd_closeexec();
	KT_CHECK(kt, fd_getfile(1) == NULL);
	for (int fd = 0; fd < 701; fd++)
		(void)fd_close(fd);
	KT_EQ(kt, f->f_refcnt, 1);
	file_rele(f);
	KT_EQ(kt, test_closes, 1);
}

KTEST(fd_closefd_each_close)
{
	struct file *f = file_alloc(&test_ops, DTYPE_MISC, O_RDWR, NULL);
	struct file *g = file_alloc(&test_ops, DTYPE_MISC, O_RDWR, NULL);

	if (!KT_CHECK(kt, f != NULL && g != NULL))
		return;
	test_closefds = 0;
	KT_EQ(kt, fd_alloc(f, 0, false), 0);
	KT_EQ(kt, fd_alloc(f, 0, false), 1);
	KT_EQ(kt, fd_alloc(g, 0, true), 2);
	KT_EQ(kt, fd_close(0), 0);         /* every close counts */
	KT_EQ(kt, test_closefds, 1);
	KT_EQ(kt, fd_dup2(g, 1, false), 1); /* so does a dup2 over it */
	KT_EQ(kt, test_closefds, 2);
	fd_closeexec();                     /* and close-on-exec */
	KT_EQ(kt, test_closefds, 3);
	KT_EQ(kt, fd_close(1), 0);
	KT_EQ(kt, test_closefds, 4);
	file_rele(f);
	file_rele(g);
}

KTEST(fd_emfile)
{
	struct proc *p = curproc;
	unsigned long saved = p->p_rlimit[RLIMIT_NOFILE].rlim_cur;
	struct file *f = file_alloc(&test_ops, DTYPE_MISC, O_RDWR, NULL);
	int fd, n = 0;

	if (!KT_CHECK(kt, f != NULL))
		return;
	p->p_rlimit[RLIMIT_NOFILE].rlim_cur = 5;
	while ((fd = fd_alloc(f, 0, false)) >= 0)
		n++;
	KT_EQ(kt, fd, -EMFILE);
	KT_EQ(kt, n, 5);
	for (fd = 0; fd < 5; fd++)
		fd_close(fd);
	p->p_rlimit[RLIMIT_NOFILE].rlim_cur = saved;
	file_rele(f);
}

KTEST(copy_checks)
{
	char buf[8] = "abcdefg", out[8];
	size_t done = 0;

	KT_EQ(kt, copyin(buf, out, sizeof(buf)), 0);
	KT_EQ(kt, memcmp(buf, out, sizeof(buf)), 0);
	KT_EQ(kt, copyin(NULL, out, 1), -EFAULT);
	KT_EQ(kt, copyin((void *)4095, out, 1), -EFAULT);
	KT_EQ(kt, copyin((void *)0xffff800000000000UL, out, 1), -EFAULT);
	KT_EQ(kt, copyout(buf, (void *)0x00007ffffffffffcUL, 8), -EFAULT);
	KT_EQ(kt, copyin(NULL, out, 0), 0);   /* nothing to move */
	KT_EQ(kt, copyinstr(buf, out, sizeof(out), &done), 0);
	KT_EQ(kt, done, 8);
	KT_EQ(kt, copyinstr(buf, out, 7, &done), -ENAMETOOLONG);
	KT_EQ(kt, copyinstr(NULL, out, 7, &done), -EFAULT);
}

KTEST(uiomove_kernel)
{
	char a[4] = "abc", b[5] = "defg", dst[16];
	struct iovec iov[2] = { { a, 3 }, { b, 4 } };
	struct uio uio = { iov, 2, 0, 7, UIO_WRITE, false };

	memset(dst, 0, sizeof(dst));
	KT_EQ(kt, uiomove(dst, 5, &uio), 0);
	KT_EQ(kt, uio.uio_resid, 2);
	KT_EQ(kt, uio.uio_offset, 5);
	KT_EQ(kt, uiomove(dst + 5, 10, &uio), 0);
	KT_EQ(kt, uio.uio_resid, 0);
	KT_EQ(kt, memcmp(dst, "abcdefg", 8), 0);
}

static struct selinfo test_si;

static void
notifier(void *arg)
{
	kpause(20 * 1000 * 1000, false);
	selnotify(&test_si, POLLIN);
}

KTEST(selinfo_wakes)
{
	struct pollwait pw;
	struct lwp *l;
	int gen, error;

	selinfo_init(&test_si);
	pollwait_init(&pw);
	gen = pollwait_gen(&pw);
	selrecord(&pw, &test_si);
	selrecord(&pw, &test_si);  /* twice is once */
	/* Nothing happens: the deadline passes. */
	KT_EQ(kt, pollwait_sleep(&pw, gen, nanouptime_ns() + 10000000),
	    -ETIMEDOUT);
	error = kthread_create(notifier, NULL, "notifier", true, &l);
	if (!KT_EQ(kt, error, 0))
		goto out;
	KT_EQ(kt, pollwait_sleep(&pw, gen, nanouptime_ns() + 5000000000LL), 0);
	kthread_join(l);
	/* The object going away drops the registration. */
	selinfo_destroy(&test_si);
	KT_CHECK(kt, pw.pw_regs == NULL);
out:
	pollwait_destroy(&pw);
}
