/*
 * vfs/vfs.h -- what the VFS offers other kernel components: file
 * operations by kernel path (used at boot to populate /dev, by etfs and
 * by self-tests), the character device switch, and device numbers.
 *
 * Paths here are kernel strings; the *at() system call handlers take
 * the caller's strings and end up in the same functions.  All return 0
 * (or a count / descriptor >= 0) or -errno, with the permissions of the
 * current process.
 */
#ifndef VFS_VFS_H
#define VFS_VFS_H

#include <kern/kern.h>

struct file;
struct vnode;
struct stat;

/* Device numbers, encoded as Linux's userspace dev_t (glibc makedev). */
#define dev_major(d) ((unsigned int)((((d) >> 32) & 0xfffff000U) | (((d) >> 8) & 0xfffU)))
#define dev_minor(d) ((unsigned int)((((d) >> 12) & 0xffffff00U) | ((d) & 0xffU)))
#define dev_make(ma, mi)                                                \
	((((dev_t)(ma) & 0xfffff000ULL) << 32) | (((dev_t)(ma) & 0xfffULL) << 8) | \
	    (((dev_t)(mi) & 0xffffff00ULL) << 12) | ((dev_t)(mi) & 0xffULL))
/* dev_from_old: the 32-bit encoding mknod(2) takes. */
#define dev_from_old(u) dev_make(((u) >> 8) & 0xfff, ((u) & 0xff) | (((u) >> 12) & 0xfff00))

/*
 * The character device switch.  Opening a character device node calls
 * d_open with f already set up as a vnode file (f_vnode referenced,
 * f_flag the open flags); d_open sets f->f_ops (and f->f_data) to the
 * device's own and returns 0, or fails with -errno (-ENXIO...).
 * The device's fo_close must vrele(f->f_vnode).
 */
struct cdevsw {
	const char *d_name;
	int (*d_open)(dev_t dev, struct file *f, int flags);
};
#define CDEV_MAJOR_MAX 512
/* cdevsw_register: claim major; -EBUSY if taken, -EINVAL if too big. */
int cdevsw_register(unsigned int major, const struct cdevsw *sw);

/* Operations by kernel path (dirfd may be AT_FDCWD). */
int vfs_openat(int dirfd, const char *path, int flags, mode_t mode);
int vfs_open_file(int dirfd, const char *path, int flags, mode_t mode,
    struct file **fp);
int vfs_mkdirat(int dirfd, const char *path, mode_t mode);
int vfs_mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
int vfs_unlinkat(int dirfd, const char *path, int flags);
int vfs_statat(int dirfd, const char *path, struct stat *st, int flags);
/* vfs_lookup: the vnode at path (symlinks followed), referenced. */
int vfs_lookup(const char *path, struct vnode **vpp);
/* vn_open_file: a struct file for vp (reference taken over) opened with
 * flags; devices and FIFOs get their own operations.  */
int vn_open_file(struct vnode *vp, int flags, struct file **fp);
/* vn_close_file: the fo_close of a vnode file (devices reuse it). */
int vn_close_file(struct file *f);
/* vn_stat_file: fo_stat for files on a vnode (devices reuse it). */
int vn_stat_file(struct file *f, struct stat *st);

/*
 * etfs_hostpath: the host file behind an etfs block node (RUMP_ETFS_BLK)
 * and whether it is read-only; NULL for any other vnode.  The string
 * lives as long as the caller's reference to vp.  (For components/blk.)
 */
const char *etfs_hostpath(struct vnode *vp, bool *rdonlyp);

#endif /* VFS_VFS_H */
