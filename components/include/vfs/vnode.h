/*
 * vfs/vnode.h -- vnodes: the VFS's handle on one file of one mounted
 * file system, with reference counting and the per-file-system
 * operations table (components/vfs/vnode.c).
 *
 * Locking contract: the VFS calls vnode operations without holding any
 * lock of the vnode; each file system serialises its own operations
 * (tmpfs uses one reader/writer lock per mount).  v_lock is a lock the
 * file system MAY use for the vnode's data.  v_interlock protects
 * v_usecount and the flock state.
 *
 * Every operation returns 0 (or a count >= 0) or -errno.
 */
#ifndef VFS_VNODE_H
#define VFS_VNODE_H

#include <kern/kern.h>
#include <abi/stat.h>
#include <abi/time.h>

struct mount;
struct uio;
struct file;
struct vnodeops;

/* Attributes of a file, as getattr fills and setattr applies them. */
struct vattr {
	uint32_t va_mask;       /* setattr: which of the VA_* to change */
	mode_t va_mode;         /* type (S_IFMT) and permission bits */
	uid_t va_uid;
	gid_t va_gid;
	nlink_t va_nlink;
	ino_t va_ino;
	dev_t va_rdev;          /* character/block devices */
	off_t va_size;
	uint64_t va_bytes;      /* storage actually used */
	uint32_t va_blksize;
	struct timespec va_atime, va_mtime, va_ctime, va_btime;
};
#define VA_MODE   0x01  /* permission bits only; the type never changes */
#define VA_UID    0x02
#define VA_GID    0x04
#define VA_SIZE   0x08
#define VA_ATIME  0x10
#define VA_MTIME  0x20
#define VA_CTIME  0x40  /* set ctime explicitly (else: now, on any change) */
/* create: an O_TMPFILE node, which may be linked again after losing its
 * last name (linkat with AT_EMPTY_PATH). */
#define VA_LINKABLE 0x80

/* flock(2) state of a vnode: who holds it how (v_interlock). */
struct vflock {
	struct file *vl_file;   /* the open file description holding it */
	int vl_type;            /* LOCK_SH or LOCK_EX */
	struct vflock *vl_next;
};

/* fcntl(2) byte-range locks of a vnode (v_interlock). */
struct vlockf {
	void *lf_owner;         /* struct proc (POSIX) or struct file (OFD) */
	struct file *lf_file;   /* the description it was set through */
	bool lf_ofd;
	int lf_type;            /* F_RDLCK or F_WRLCK */
	off_t lf_start, lf_end; /* inclusive; lf_end INT64_MAX: to EOF */
	struct vlockf *lf_next;
};

#define VV_ROOT   0x01  /* the root vnode of its mount */

struct vnode {
	kmutex_t v_interlock;        /* v_usecount, v_flocks */
	int v_usecount;              /* references; 0: cached by the fs */
	krwlock_t v_lock;            /* for the file system's use */
	mode_t v_type;               /* S_IFMT bits; fixed for the life */
	int v_vflag;                 /* VV_* */
	struct mount *v_mount;       /* the file system it belongs to */
	const struct vnodeops *v_op;
	void *v_data;                /* the file system's node */
	struct mount *v_mountedhere; /* directories: mount covering it */
	dev_t v_rdev;                /* devices: what they stand for */
	struct vflock *v_flocks;     /* flock(2) holders */
	struct vlockf *v_lockf;      /* fcntl(2) record locks */
	kcondvar_t v_flockcv;        /* flock and record lock waiters */
	int v_ncentries;             /* name cache entries to or from it
	                              * (namecache.c, under its lock) */
	void *v_fifo;                /* FIFOs: the pipe while open */
	void *v_etfs;                /* host file behind it (etfs.c) */
	const struct vnodeops *v_fsop; /* etfs: the fs's own operations */
	void *v_inotify;             /* inotify watches (vfs/inotify.c) */
};

/* Flags for vop_read / vop_write. */
#define IO_APPEND 0x01  /* write at the end of the file */
#define IO_SYNC   0x02

/*
 * The operations of a file system.  name/len are a path component (not
 * NUL-terminated, 1..NAME_MAX bytes, never "." or ".." except where
 * said).  Operations that return a vnode return it referenced.  The VFS
 * checks permissions before calling; the fs checks existence, types
 * and emptiness and updates times and link counts.  A NULL entry means
 * the operation is not supported: the VFS returns the errno its caller
 * documents (usually -EPERM or -EINVAL).
 */
struct vnodeops {
	/* lookup: name in directory dvp (".." included) -> *vpp; -ENOENT. */
	int (*vop_lookup)(struct vnode *dvp, const char *name, size_t len,
	    struct vnode **vpp);
	/* create: a non-directory, non-symlink node of type va_mode
	 * (regular, FIFO, device, socket) with va_uid/va_gid/va_rdev;
	 * -EEXIST if name exists. */
	int (*vop_create)(struct vnode *dvp, const char *name, size_t len,
	    const struct vattr *va, struct vnode **vpp);
	int (*vop_mkdir)(struct vnode *dvp, const char *name, size_t len,
	    const struct vattr *va, struct vnode **vpp);
	int (*vop_symlink)(struct vnode *dvp, const char *name, size_t len,
	    const struct vattr *va, const char *target, struct vnode **vpp);
	/* readlink: the target into uio; returns bytes moved. */
	ssize_t (*vop_readlink)(struct vnode *vp, struct uio *uio);
	/* read / write at uio_offset (IO_APPEND: at the end, and the
	 * offset moves there); return bytes moved; a short count only at
	 * end of file or when space ran out after some bytes. */
	ssize_t (*vop_read)(struct vnode *vp, struct uio *uio, int ioflag);
	ssize_t (*vop_write)(struct vnode *vp, struct uio *uio, int ioflag);
	int (*vop_getattr)(struct vnode *vp, struct vattr *va);
	int (*vop_setattr)(struct vnode *vp, const struct vattr *va);
	/* remove: the non-directory vp, entry name of dvp. */
	int (*vop_remove)(struct vnode *dvp, const char *name, size_t len,
	    struct vnode *vp);
	/* rmdir: the directory vp, entry name of dvp; -ENOTEMPTY. */
	int (*vop_rmdir)(struct vnode *dvp, const char *name, size_t len,
	    struct vnode *vp);
	/* link: a new entry name in dvp for the non-directory vp. */
	int (*vop_link)(struct vnode *dvp, const char *name, size_t len,
	    struct vnode *vp);
	/*
	 * rename: fname of fdvp to tname of tdvp (same mount), with the
	 * renameat2 flags RENAME_NOREPLACE / RENAME_EXCHANGE.  The fs does
	 * every check that needs the tree: existence, types (-EISDIR,
	 * -ENOTDIR), -ENOTEMPTY, moving a directory below itself (-EINVAL).
	 */
	int (*vop_rename)(struct vnode *fdvp, const char *fname, size_t flen,
	    struct vnode *tdvp, const char *tname, size_t tlen,
	    unsigned int flags);
	/*
	 * readdir: whole struct linux_dirent64 records into uio, starting
	 * at cookie *offp ("." and ".." included), advancing *offp.
	 * Returns bytes moved; -EINVAL if not even one record fits.
	 */
	ssize_t (*vop_readdir)(struct vnode *vp, struct uio *uio, off_t *offp);
	int (*vop_fsync)(struct vnode *vp, bool dataonly);
	/* allocate: fallocate(2) modes 0 and FALLOC_FL_KEEP_SIZE. */
	int (*vop_allocate)(struct vnode *vp, int mode, off_t off, off_t len);
	/* seekdata: SEEK_DATA / SEEK_HOLE from off; -ENXIO past the end. */
	off_t (*vop_seekdata)(struct vnode *vp, off_t off, int whence);
	/*
	 * inactive: the caller holds what may be the last reference.  The
	 * fs takes its lock, calls vnode_drop_last(vp), and if that was the
	 * last reference and the node has no links left, frees it.
	 */
	void (*vop_inactive)(struct vnode *vp);
	/*
	 * mmap_shared: memory for a MAP_SHARED mapping of pages [pg,
	 * pg+npages) of the regular file vp: the file's own pages, laid
	 * out contiguously, so stores through the mapping and read/write
	 * of the file see the same bytes (there is no MMU to share pages
	 * otherwise).  *addrp: the address of page pg.  prot_write: the
	 * mapping has PROT_WRITE; maywrite: it could get it (the file is
	 * open read-write), as F_SEAL_WRITE counts.  The pages stay mapped
	 * until munmap_shared gives each back.  -EBUSY: some of the pages
	 * are mapped already in another layout; -EPERM: sealed against
	 * writing; -ENOMEM: no memory or space for the pages.
	 */
	int (*vop_mmap_shared)(struct vnode *vp, uint64_t pg, size_t npages,
	    bool prot_write, bool maywrite, void **addrp);
	/* munmap_shared: npages pages from addr, got from mmap_shared
	 * (with maywrite as then), are no longer mapped. */
	void (*vop_munmap_shared)(struct vnode *vp, void *addr, size_t npages,
	    bool maywrite);
	/*
	 * mremap_shared: grow the mapping of onpages pages at addr (all of
	 * one mmap_shared) to nnpages of the file from the same page, as
	 * mremap(MREMAP_MAYMOVE) does: *addrp is where it is now; the old
	 * range is no longer mapped.  On an error nothing has changed
	 * (-EBUSY: the old pages are mapped elsewhere too, or the new ones
	 * in another layout).
	 */
	int (*vop_mremap_shared)(struct vnode *vp, void *addr, size_t onpages,
	    size_t nnpages, bool maywrite, void **addrp);
	/*
	 * seals: fcntl's F_GET_SEALS (add < 0: return the F_SEAL_* bits)
	 * and F_ADD_SEALS (add them; -EPERM once F_SEAL_SEAL is set,
	 * -EBUSY for F_SEAL_WRITE while writable shared mappings exist).
	 * NULL: the file system has no seals (-EINVAL).
	 */
	int (*vop_seals)(struct vnode *vp, int add);
};

/*
 * vnode_alloc: a new vnode of type (S_IFMT bits) in mp with ops and the
 * fs's node data, one reference.  NULL: no memory.
 */
struct vnode *vnode_alloc(struct mount *mp, mode_t type,
    const struct vnodeops *ops, void *data);
/* vnode_free: free a vnode nobody references (the fs's reclaim). */
void vnode_free(struct vnode *vp);
/* vref: take another reference to vp (which the caller holds one of, or
 * which the fs knows is alive). */
void vref(struct vnode *vp);
/* vrele: drop a reference; the last one goes through vop_inactive. */
void vrele(struct vnode *vp);
/*
 * vnode_drop_last: for vop_inactive, under the file system's lock: drop
 * the caller's reference; true if it was the last one (the vnode is now
 * unreferenced and, if its node is unlinked, the fs may free it).
 */
bool vnode_drop_last(struct vnode *vp);
/* vn_isdir / vn_islnk: type tests. */
#define vn_isdir(vp) ((vp)->v_type == S_IFDIR)
#define vn_islnk(vp) ((vp)->v_type == S_IFLNK)

/* vn_getattr etc.: call the operation, or -ENOSYS / -EPERM if missing. */
int vn_getattr(struct vnode *vp, struct vattr *va);
int vn_setattr(struct vnode *vp, const struct vattr *va);

/*
 * vn_access: may the current process's fs credentials access vp for
 * mode (R_OK|W_OK|X_OK bits; 0: existence)?  Root bypasses read and
 * write, and execute if any x bit is set (or vp is a directory).
 * 0 or -EACCES.
 */
int vn_access(struct vnode *vp, int mode);
/* vn_access_real: the same with the real uid/gid (access(2)). */
int vn_access_real(struct vnode *vp, int mode);

/*
 * vn_rdwr: read or write len bytes at off of vp from/to a kernel
 * buffer; returns bytes moved or -errno.
 */
ssize_t vn_rdwr(struct vnode *vp, int rw, void *buf, size_t len, off_t off,
    int ioflag);

/* vn_stat: fill struct stat from vp's attributes. */
int vn_stat(struct vnode *vp, struct stat *st);

/*
 * vfs_dirent_put: for vop_readdir, one struct linux_dirent64 record
 * (inode ino, next cookie next, DT_* type, name of len <= NAME_MAX
 * bytes) into uio.  false when it does not fit (nothing moved) or the
 * copy failed (*errorp set to its -errno; 0 otherwise).
 */
bool vfs_dirent_put(struct uio *uio, uint64_t ino, off_t next, unsigned type,
    const char *name, size_t len, int *errorp);

/* Time stamps (components/vfs/vnode.c): the current wall time. */
void vfs_timestamp(struct timespec *ts);

#endif /* VFS_VNODE_H */
