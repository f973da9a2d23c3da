/*
 * signalfd.c -- signalfd(2): reading the calling thread's pending
 * signals of a mask as struct signalfd_siginfo records instead of
 * having handlers run.  The signals must be blocked to stay pending, as
 * on Linux.  Waiters sleep on sig_sel, which every newly pending signal
 * notifies.
 */
#include "sys_int.h"

/* Linux UAPI (linux/signalfd.h): flags equal O_CLOEXEC / O_NONBLOCK. */
#define SFD_CLOEXEC O_CLOEXEC
#define SFD_NONBLOCK O_NONBLOCK

/* One record as read(2) returns it: 128 bytes. */
struct signalfd_siginfo {
	uint32_t ssi_signo;
	int32_t ssi_errno;
	int32_t ssi_code;
	uint32_t ssi_pid;
	uint32_t ssi_uid;
	int32_t ssi_fd;
	uint32_t ssi_tid;
	uint32_t ssi_band;
	uint32_t ssi_overrun;
	uint32_t ssi_trapno;
	int32_t ssi_status;
	int32_t ssi_int;
	uint64_t ssi_ptr;
	uint64_t ssi_utime;
	uint64_t ssi_stime;
	uint64_t ssi_addr;
	uint16_t ssi_addr_lsb;
	uint16_t pad2;
	int32_t ssi_syscall;
	uint64_t ssi_call_addr;
	uint32_t ssi_arch;
	uint8_t pad[28];
};
_Static_assert(sizeof(struct signalfd_siginfo) == 128, "signalfd_siginfo");

struct signalfd {
	sigset_t sf_mask;       /* under f_lock */
};

#define SIG_CANTMASK (SIGMASK(SIGKILL) | SIGMASK(SIGSTOP))

/* Take the lowest pending signal of mask from curlwp; 0 if none. */
static int
sf_take(sigset_t mask, siginfo_t *info)
{
	struct lwp *l = curlwp();
	int sig;

	mutex_enter(&l->l_proc->p_lock);
	sig = sigq_take(l->l_proc, l, mask, info);
	mutex_exit(&l->l_proc->p_lock);
	return sig;
}

/*
 * A siginfo as the record read(2) returns: as Linux, only the fields of
 * the union member that si_code (and the signal) select are copied.
 */
static void
sf_fill(struct signalfd_siginfo *ss, const siginfo_t *si)
{
	int code = si->si_code, sig = si->si_signo;

	memset(ss, 0, sizeof(*ss));
	ss->ssi_signo = (uint32_t)sig;
	ss->ssi_errno = si->si_errno;
	ss->ssi_code = code;
	if (code > SI_USER && code < SI_KERNEL && sig == SIGCHLD) {
		ss->ssi_pid = (uint32_t)si->si_pid;
		ss->ssi_uid = (uint32_t)si->si_uid;
		ss->ssi_status = si->si_status;
		ss->ssi_utime = (uint64_t)si->si_utime;
		ss->ssi_stime = (uint64_t)si->si_stime;
	} else if (code > SI_USER && code < SI_KERNEL) {
		/* Faults and SIGPOLL: nothing here raises them. */
		ss->ssi_addr = (uint64_t)(uintptr_t)si->si_addr;
	} else if (code == SI_TIMER) {
		ss->ssi_tid = (uint32_t)si->si_tid;
		ss->ssi_overrun = (uint32_t)si->si_overrun;
		ss->ssi_ptr = (uint64_t)(uintptr_t)si->si_fields.timer.value.sival_ptr;
		ss->ssi_int = si->si_fields.timer.value.sival_int;
	} else if (code == SI_SIGIO) {
		ss->ssi_band = (uint32_t)si->si_band;
		ss->ssi_fd = si->si_fd;
	} else {
		ss->ssi_pid = (uint32_t)si->si_pid;
		ss->ssi_uid = (uint32_t)si->si_uid;
		if (code < 0) {         /* sigqueue, tkill: a value too */
			ss->ssi_ptr = (uint64_t)(uintptr_t)si->si_ptr;
			ss->ssi_int = si->si_int;
		}
	}
}

static sigset_t
sf_mask(struct file *f)
{
	struct signalfd *sf = f->f_data;
	sigset_t m;

	mutex_enter(&f->f_lock);
	m = sf->sf_mask;
	mutex_exit(&f->f_lock);
	return m;
}

static ssize_t
sf_read(struct file *f, struct uio *uio, int flags)
{
	struct signalfd_siginfo si;
	siginfo_t info;
	struct pollwait pw;
	size_t done = 0;
	int sig, gen, error = 0;

	if (uio->uio_resid < sizeof(si))
		return -EINVAL;
	pollwait_init(&pw);
	while (uio->uio_resid >= sizeof(si)) {
		gen = pollwait_gen(&pw);
		selrecord(&pw, &sig_sel);
		sig = sf_take(sf_mask(f), &info);
		if (sig == 0) {
			if (done > 0)
				break;
			if (flags & O_NONBLOCK) {
				error = -EAGAIN;
				break;
			}
			error = pollwait_sleep(&pw, gen, -1);
			if (error == -EINTR)
				error = -ERESTARTSYS;
			if (error != 0)
				break;
			continue;
		}
		sf_fill(&si, &info);
		error = uiomove(&si, sizeof(si), uio);
		if (error != 0)
			break;
		done += sizeof(si);
	}
	pollwait_destroy(&pw);
	return done > 0 ? (ssize_t)done : error;
}

static ssize_t
sf_write(struct file *f, struct uio *uio, int flags)
{
	return -EINVAL;
}

static int
sf_poll(struct file *f, int events, struct pollwait *pw)
{
	struct lwp *l = curlwp();
	int revents = 0;

	selrecord(pw, &sig_sel);
	if (atomic_load_relaxed(&l->l_sigpend) & sf_mask(f))
		revents = POLLIN | POLLRDNORM;
	return revents & events;
}

static int
sf_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	return -ENOTTY;
}

static int
sf_stat(struct file *f, struct stat *st)
{
	st->st_mode = S_IRUSR | S_IWUSR;  /* an anonymous inode */
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static int
sf_close(struct file *f)
{
	kmem_free(f->f_data, sizeof(struct signalfd));
	return 0;
}

static const struct fileops signalfd_ops = {
	.fo_read = sf_read,
	.fo_write = sf_write,
	.fo_ioctl = sf_ioctl,
	.fo_poll = sf_poll,
	.fo_stat = sf_stat,
	.fo_close = sf_close,
};

long
sys_signalfd4(int fd, const sigset_t *mask, size_t sizemask, int flags)
{
	struct signalfd *sf;
	struct file *f;
	sigset_t m;
	int error;

	if (flags & ~(SFD_CLOEXEC | SFD_NONBLOCK))
		return -EINVAL;
	if (sizemask != sizeof(sigset_t))
		return -EINVAL;
	error = copyin(mask, &m, sizeof(m));
	if (error != 0)
		return error;
	m &= ~SIG_CANTMASK;
	if (fd != -1) {
		f = fd_getfile(fd);
		if (f == NULL)
			return -EBADF;
		if (f->f_ops != &signalfd_ops) {
			file_rele(f);
			return -EINVAL;
		}
		mutex_enter(&f->f_lock);
		((struct signalfd *)f->f_data)->sf_mask = m;
		mutex_exit(&f->f_lock);
		file_rele(f);
		return fd;
	}
	sf = kmem_zalloc(sizeof(*sf), KM_SLEEP);
	if (sf == NULL)
		return -ENOMEM;
	sf->sf_mask = m;
	f = file_alloc(&signalfd_ops, DTYPE_MISC,
	    O_RDWR | (flags & SFD_NONBLOCK), sf);
	if (f == NULL) {
		kmem_free(sf, sizeof(*sf));
		return -ENOMEM;
	}
	fd = fd_alloc(f, 0, (flags & SFD_CLOEXEC) != 0);
	file_rele(f);
	return fd;
}

long
sys_signalfd(int fd, const sigset_t *mask, size_t sizemask)
{
	return sys_signalfd4(fd, mask, sizemask, 0);
}
