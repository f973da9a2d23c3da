/*
 * timerfd.c -- timerfd_create(2) and friends: a timer read as a file.
 * Expirations are counted lazily from the deadline and interval when the
 * file is read or polled; a callout only wakes readers and pollers at
 * the next deadline.  Deadlines are kept on the monotonic clock; an
 * absolute CLOCK_REALTIME time is converted when it is set (a later
 * change of the wall clock does not move it).
 */
#include "sys_int.h"
#include <abi/stat.h>

/* Linux UAPI (linux/timerfd.h); the file flags equal O_CLOEXEC etc. */
#define TFD_TIMER_ABSTIME (1 << 0)
#define TFD_TIMER_CANCEL_ON_SET (1 << 1)
#define TFD_CLOEXEC O_CLOEXEC
#define TFD_NONBLOCK O_NONBLOCK

struct timerfd {
	kmutex_t tf_lock;
	kcondvar_t tf_cv;
	struct callout tf_co;
	clockid_t tf_clock;
	int64_t tf_next;        /* monotonic deadline; 0: disarmed */
	int64_t tf_interval;
	uint64_t tf_ticks;      /* expirations not yet read */
	struct selinfo tf_sel;
};

/* Fold expirations up to now into tf_ticks (tf_lock held). */
static void
tf_update(struct timerfd *tf)
{
	int64_t now = nanouptime_ns();

	if (tf->tf_next == 0 || tf->tf_next > now)
		return;
	if (tf->tf_interval == 0) {
		tf->tf_ticks++;
		tf->tf_next = 0;
		return;
	}
	uint64_t n = (uint64_t)((now - tf->tf_next) / tf->tf_interval) + 1;
	tf->tf_ticks += n;
	tf->tf_next += (int64_t)n * tf->tf_interval;
}

static void
tf_fire(void *arg)
{
	struct timerfd *tf = arg;

	mutex_enter(&tf->tf_lock);
	tf_update(tf);
	if (tf->tf_next != 0)
		callout_reset(&tf->tf_co, tf->tf_next - nanouptime_ns(),
		    tf_fire, tf);
	if (tf->tf_ticks > 0) {
		cv_broadcast(&tf->tf_cv);
		selnotify(&tf->tf_sel, POLLIN | POLLRDNORM);
	}
	mutex_exit(&tf->tf_lock);
}

static ssize_t
tf_read(struct file *f, struct uio *uio, int flags)
{
	struct timerfd *tf = f->f_data;
	uint64_t v;
	int error = 0;

	if (uio->uio_resid < sizeof(v))
		return -EINVAL;
	mutex_enter(&tf->tf_lock);
	for (;;) {
		tf_update(tf);
		if (tf->tf_ticks > 0)
			break;
		if (flags & O_NONBLOCK) {
			error = -EAGAIN;
			goto out;
		}
		error = cv_wait_sig(&tf->tf_cv, &tf->tf_lock);
		if (error == -EINTR)
			error = -ERESTARTSYS;  /* SA_RESTART may resume */
		if (error != 0)
			goto out;
	}
	v = tf->tf_ticks;
	error = uiomove(&v, sizeof(v), uio);
	if (error == 0)
		tf->tf_ticks = 0;
out:
	mutex_exit(&tf->tf_lock);
	return error != 0 ? error : (ssize_t)sizeof(v);
}

static ssize_t
tf_write(struct file *f, struct uio *uio, int flags)
{
	return -EINVAL;
}

static int
tf_poll(struct file *f, int events, struct pollwait *pw)
{
	struct timerfd *tf = f->f_data;
	int revents = 0;

	mutex_enter(&tf->tf_lock);
	tf_update(tf);
	if (tf->tf_ticks > 0)
		revents = POLLIN | POLLRDNORM;
	selrecord(pw, &tf->tf_sel);
	mutex_exit(&tf->tf_lock);
	return revents & events;
}

static int
tf_ioctl(struct file *f, unsigned long cmd, void *uarg)
{
	return -ENOTTY;
}

static int
tf_stat(struct file *f, struct stat *st)
{
	st->st_mode = S_IRUSR | S_IWUSR;  /* an anonymous inode */
	st->st_nlink = 1;
	st->st_blksize = PAGE_SIZE;
	return 0;
}

static int
tf_close(struct file *f)
{
	struct timerfd *tf = f->f_data;

	mutex_enter(&tf->tf_lock);
	tf->tf_next = 0;  /* a running tf_fire does not re-arm */
	mutex_exit(&tf->tf_lock);
	callout_halt(&tf->tf_co);
	selinfo_destroy(&tf->tf_sel);
	cv_destroy(&tf->tf_cv);
	mutex_destroy(&tf->tf_lock);
	kmem_free(tf, sizeof(*tf));
	return 0;
}

static const struct fileops timerfd_ops = {
	.fo_read = tf_read,
	.fo_write = tf_write,
	.fo_ioctl = tf_ioctl,
	.fo_poll = tf_poll,
	.fo_stat = tf_stat,
	.fo_close = tf_close,
};

long
sys_timerfd_create(clockid_t clockid, int flags)
{
	struct timerfd *tf;
	struct file *f;
	int fd;

	if (flags & ~(TFD_CLOEXEC | TFD_NONBLOCK))
		return -EINVAL;
	switch (clockid) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
		break;
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
		/* Waking a suspended system needs CAP_WAKE_ALARM. */
		if (curproc->p_cred.cr_euid != 0)
			return -EPERM;
		break;
	default:
		return -EINVAL;
	}
	tf = kmem_zalloc(sizeof(*tf), KM_SLEEP);
	if (tf == NULL)
		return -ENOMEM;
	mutex_init(&tf->tf_lock, MUTEX_DEFAULT);
	cv_init(&tf->tf_cv);
	callout_init(&tf->tf_co);
	selinfo_init(&tf->tf_sel);
	tf->tf_clock = clockid;
	f = file_alloc(&timerfd_ops, DTYPE_MISC, O_RDWR | (flags & TFD_NONBLOCK),
	    tf);
	if (f == NULL) {
		tf_close(&(struct file){ .f_data = tf });
		return -ENOMEM;
	}
	fd = fd_alloc(f, 0, (flags & TFD_CLOEXEC) != 0);
	file_rele(f);
	return fd;
}

static struct file *
tf_getfile(int fd, long *errorp)
{
	struct file *f = fd_getfile(fd);

	*errorp = 0;
	if (f == NULL) {
		*errorp = -EBADF;
	} else if (f->f_ops != &timerfd_ops) {
		*errorp = -EINVAL;
		file_rele(f);
		f = NULL;
	}
	return f;
}

/* The current setting as an itimerspec (tf_lock held). */
static void
tf_current(struct timerfd *tf, struct itimerspec *its)
{
	int64_t left = 0;

	memset(its, 0, sizeof(*its));
	tf_update(tf);
	if (tf->tf_next != 0)
		left = MAX(tf->tf_next - nanouptime_ns(), 1);
	its->it_value.tv_sec = left / NSEC_PER_SEC;
	its->it_value.tv_nsec = left % NSEC_PER_SEC;
	its->it_interval.tv_sec = tf->tf_interval / NSEC_PER_SEC;
	its->it_interval.tv_nsec = tf->tf_interval % NSEC_PER_SEC;
}

static bool
its_valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 &&
	    ts->tv_nsec < NSEC_PER_SEC;
}

static int64_t
its_ns(const struct timespec *ts)
{
	if (ts->tv_sec > INT64_MAX / NSEC_PER_SEC / 2)
		return INT64_MAX / 2;
	return ts->tv_sec * NSEC_PER_SEC + ts->tv_nsec;
}

long
sys_timerfd_settime(int fd, int flags, const struct itimerspec *new_value,
    struct itimerspec *old_value)
{
	struct itimerspec nv, ov;
	struct timerfd *tf;
	struct file *f;
	int64_t value, now;
	long error;

	if (flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET))
		return -EINVAL;
	error = copyin(new_value, &nv, sizeof(nv));
	if (error != 0)
		return error;
	if (!its_valid(&nv.it_value) || !its_valid(&nv.it_interval))
		return -EINVAL;
	f = tf_getfile(fd, &error);
	if (f == NULL)
		return error;
	tf = f->f_data;
	value = its_ns(&nv.it_value);
	mutex_enter(&tf->tf_lock);
	tf_current(tf, &ov);
	tf->tf_ticks = 0;
	tf->tf_interval = value != 0 ? its_ns(&nv.it_interval) : 0;
	if (value == 0) {
		tf->tf_next = 0;
		callout_stop(&tf->tf_co);
	} else {
		if (flags & TFD_TIMER_ABSTIME) {
			(void)clock_read(tf->tf_clock, &now);
			value = value > now ? value - now : 0;
		}
		tf->tf_next = deadline_from(value);  /* > 0: armed */
		callout_reset(&tf->tf_co, value, tf_fire, tf);
	}
	mutex_exit(&tf->tf_lock);
	file_rele(f);
	if (old_value != NULL)
		return copyout(&ov, old_value, sizeof(ov));
	return 0;
}

long
sys_timerfd_gettime(int fd, struct itimerspec *curr_value)
{
	struct itimerspec cur;
	struct timerfd *tf;
	struct file *f;
	long error;

	f = tf_getfile(fd, &error);
	if (f == NULL)
		return error;
	tf = f->f_data;
	mutex_enter(&tf->tf_lock);
	tf_current(tf, &cur);
	mutex_exit(&tf->tf_lock);
	file_rele(f);
	return copyout(&cur, curr_value, sizeof(cur));
}
