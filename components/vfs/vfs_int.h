/*
 * vfs_int.h -- interfaces between the files of the VFS (components/vfs)
 * only, grouped by the file that defines them.
 */
#ifndef VFS_INT_H
#define VFS_INT_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/dirent.h>
#include <vfs/vnode.h>
#include <vfs/mount.h>
#include <vfs/namei.h>
#include <vfs/vfs.h>

#include "syscall_handlers.h"

/* vnode.c */
/* vnode_cred: the fs credentials of the calling process. */
const struct cred *vnode_cred(void);

/* mount.c */
void mount_init(void);

/* vnops.c: struct file operations on vnodes. */
extern const struct fileops vnode_fileops;
/* vn_open_file: in <vfs/vfs.h>. */

/* flock.c */
int vn_flock(struct file *f, struct vnode *vp, int op);
/* vn_flock_release: drop f's flock on vp (as the file closes). */
void vn_flock_release(struct file *f, struct vnode *vp);

/* lockf.c */
/* vn_fcntl_lock: F_GETLK/F_SETLK/F_SETLKW and F_OFD_* on f's vnode. */
int vn_fcntl_lock(struct file *f, int cmd, void *uarg);
/* vn_lockf_release: drop the locks set through f (as it closes). */
void vn_lockf_release(struct file *f, struct vnode *vp);

/* fifo.c */
/* fifo_open: set f up as an end of the FIFO vp (may block). */
int fifo_open(struct vnode *vp, struct file *f, int flags);

/* at.c: descriptors as starting points. */
/*
 * at_getdir: the vnode of dirfd (referenced), or the cwd for AT_FDCWD;
 * -EBADF, -ENOTDIR (want_dir and not a directory).
 */
int at_getvnode(int dirfd, struct vnode **vpp);
/* file_getvnode: the vnode of a descriptor, referenced; -EBADF, -EINVAL
 * (not a vnode). */
int fd_getvnode(int fd, struct vnode **vpp, struct file **fpp);

/* namei.c */
/* namei_cross_up: from a mount's root (vp, reference taken over) to
 * the directory it covers, repeatedly, stopping at root. */
struct vnode *namei_cross_up(struct vnode *vp, struct vnode *root);

/* cwd.c */
int cwd_procfork(struct proc *parent, struct proc *child, int flags);
void cwd_procexit(struct proc *p);

#endif /* VFS_INT_H */
