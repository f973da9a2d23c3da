/*
 * sys/file.h -- open file objects and descriptor tables
 * (components/sys/file.c, fd.c).  Every kind of open thing -- a vnode,
 * a pipe end, an epoll or eventfd instance, a socket -- is a struct file
 * with an operations table; the descriptor table maps numbers to files.
 *
 * All functions return 0 / a result >= 0, or -errno.
 */
#ifndef SYS_FILE_H
#define SYS_FILE_H

#include <kern/kern.h>
#include <abi/uio.h>
#include <abi/stat.h>
#include <abi/poll.h>

struct file;
struct vnode;
struct pollwait;

/* A request to move bytes between the kernel and a caller's buffers. */
struct uio {
	struct iovec *uio_iov; /* kernel copy of the caller's iovec array */
	int uio_iovcnt;
	off_t uio_offset;      /* file offset of the transfer */
	size_t uio_resid;      /* bytes still to move */
	int uio_rw;            /* UIO_READ: kernel -> buffers; UIO_WRITE */
	bool uio_user;         /* buffers are the caller's (copyin/copyout) */
};
#define UIO_READ 0
#define UIO_WRITE 1

/*
 * uiomove: move up to n bytes between kernel buffer kbuf and uio, in the
 * direction uio_rw says, advancing the uio.  -EFAULT on a bad buffer.
 */
int uiomove(void *kbuf, size_t n, struct uio *uio);

/*
 * copyin / copyout / copyinstr: move data between the kernel and a
 * caller's address.  Hosted, the caller's memory is the host process's:
 * these reject addresses that cannot be valid (NULL page, non-canonical,
 * wrapping ranges) with -EFAULT.  copyinstr copies a NUL-terminated
 * string of at most len bytes including the NUL (-ENAMETOOLONG if
 * longer) and returns its length through *donep if not NULL.
 */
int copyin(const void *uaddr, void *kaddr, size_t len);
int copyout(const void *kaddr, void *uaddr, size_t len);
int copyinstr(const void *uaddr, char *kaddr, size_t len, size_t *donep);

struct fileops {
	/* fo_read / fo_write: move bytes; flags has the status bits of
	 * f_flag (O_NONBLOCK, O_APPEND ...; never O_ACCMODE, whose
	 * O_WRONLY would read as FOF_UPDATE_OFFSET) as of the call.
	 * Return bytes moved or -errno.  offset handling: if
	 * FOF_UPDATE_OFFSET, use and advance f->f_offset (under f_lock);
	 * otherwise use uio_offset (pread/pwrite), f_offset untouched.
	 * The system call layer has checked the access mode already. */
	ssize_t (*fo_read)(struct file *f, struct uio *uio, int flags);
	ssize_t (*fo_write)(struct file *f, struct uio *uio, int flags);
	int (*fo_ioctl)(struct file *f, unsigned long cmd, void *uarg);
	int (*fo_fcntl)(struct file *f, int cmd, long arg); /* may be NULL */
	/* fo_poll: return the POLL* events of `events` that are ready now
	 * (POLLERR/POLLHUP even if not asked for); if pw != NULL, also
	 * register pw with selrecord() so a later change wakes it --
	 * whether or not something is ready (epoll's edge-triggered
	 * watches rely on that); objects whose readiness never changes
	 * need not register. */
	int (*fo_poll)(struct file *f, int events, struct pollwait *pw);
	int (*fo_stat)(struct file *f, struct stat *st);
	/* fo_close: the last reference is gone; free private state. */
	int (*fo_close)(struct file *f);
	/* fo_seek: set f_offset (whence SEEK_SET..SEEK_HOLE, checked) and
	 * return it, or -errno; NULL: not seekable (-ESPIPE, and pread,
	 * pwrite, preadv, pwritev fail with -ESPIPE). */
	off_t (*fo_seek)(struct file *f, off_t off, int whence);
	int (*fo_truncate)(struct file *f, off_t len);           /* may be NULL: -EINVAL */
	int (*fo_sync)(struct file *f, bool dataonly);           /* may be NULL: 0 */
	/* fo_closefd (may be NULL): process p closed a descriptor of f
	 * (close, dup2 over it, close-on-exec, exit); f stays referenced
	 * for the call.  POSIX record locks of p are dropped here. */
	void (*fo_closefd)(struct file *f, struct proc *p);
	/* fo_mmap_shared / fo_munmap_shared / fo_mremap_shared (may be
	 * NULL: mmap fails with -ENODEV): memory for a MAP_SHARED mapping
	 * of f's pages [pg, pg+npages), giving pages of it back, and
	 * growing it; vnode.h's vop_mmap_shared says more.  The mapping
	 * holds a reference to f. */
	int (*fo_mmap_shared)(struct file *f, uint64_t pg, size_t npages,
	    bool prot_write, bool maywrite, void **addrp);
	void (*fo_munmap_shared)(struct file *f, void *addr, size_t npages,
	    bool maywrite);
	int (*fo_mremap_shared)(struct file *f, void *addr, size_t onpages,
	    size_t nnpages, bool maywrite, void **addrp);
};
#define FOF_UPDATE_OFFSET 0x1

#define DTYPE_VNODE 1
#define DTYPE_PIPE 2
#define DTYPE_EVENTFD 3
#define DTYPE_EPOLL 4
#define DTYPE_SOCKET 5
#define DTYPE_MISC 6

struct file {
	const struct fileops *f_ops;
	int f_type;               /* DTYPE_* */
	int f_flag;               /* O_ACCMODE bits, O_APPEND, O_NONBLOCK ... */
	int f_refcnt;             /* descriptors + in-flight operations */
	kmutex_t f_lock;          /* f_offset, f_flag */
	off_t f_offset;
	void *f_data;             /* the object: vnode, pipe, ... */
	struct vnode *f_vnode;    /* DTYPE_VNODE: the vnode (referenced) */
	void *f_epitems;          /* private (components/sys): epoll watches */
};

/*
 * Poll/select/epoll wake-ups.  An object keeps a struct selinfo; fo_poll
 * registers the waiter with selrecord(), and the object calls
 * selnotify() whenever its readiness may have changed.
 */
struct pollwait;
struct selinfo {
	struct selwaiter *si_waiters; /* private */
};
void selinfo_init(struct selinfo *si);
void selinfo_destroy(struct selinfo *si);
void selrecord(struct pollwait *pw, struct selinfo *si);
void selnotify(struct selinfo *si, int events);

/* file_alloc: a new file with one reference, ops and data set; NULL: ENOMEM */
struct file *file_alloc(const struct fileops *ops, int type, int flag,
    void *data);
void file_hold(struct file *f);
/* file_rele: drop a reference; the last one calls fo_close and frees f. */
void file_rele(struct file *f);

/*
 * Descriptor table of the current process.
 *   fd_getfile: the file of fd, referenced (file_rele when done), or
 *               NULL if fd is not open (caller returns -EBADF).
 *   fd_alloc:   install f at the lowest free descriptor >= minfd,
 *               taking a new reference; -EMFILE past RLIMIT_NOFILE.
 *   fd_close:   close fd; -EBADF if not open.
 */
struct file *fd_getfile(int fd);
int fd_alloc(struct file *f, int minfd, bool cloexec);
int fd_close(int fd);

/*
 * RLIMIT_FSIZE of the current process, for the VFS's paths that write or
 * grow regular files (components/sys/sys_resource.c).  As Linux, a
 * refusal raises SIGXFSZ for the calling thread (its default action ends
 * the program in an image; a hosted program is not ended by it).
 *   fsize_limited: is there a limit at all (else the rest are no-ops)?
 *   fsize_limit_write: a write of *lenp > 0 bytes at off: trims *lenp so
 *               the file ends at the limit; -EFBIG if off is at or past it.
 *   fsize_limit_grow: a file grows to size (truncate, fallocate): -EFBIG
 *               past the limit.
 */
bool fsize_limited(void);
int fsize_limit_write(off_t off, size_t *lenp);
int fsize_limit_grow(off_t size);

#endif /* SYS_FILE_H */
