/*
 * vfs_sys.h -- helpers shared by the VFS's system call files
 * (vfs_open.c defines them).
 */
#ifndef VFS_SYS_H
#define VFS_SYS_H

#include "vfs_int.h"

/* nd_isdot: the last component of an NI_PARENT lookup is "." or "..". */
bool nd_isdot(const struct nameidata *nd);
/* vattr_new: attributes of a new node in dvp: mode, owner, group. */
void vattr_new(struct vnode *dvp, mode_t mode, struct vattr *va);
/* umask_apply: mode without the current process's umask bits. */
mode_t umask_apply(mode_t mode);
/* may_create / may_delete: permission to add to / remove vp from dvp. */
int may_create(struct vnode *dvp);
int may_delete(struct vnode *dvp, struct vnode *vp);
/* cred_owner: the caller owns a file with uid (or is root). */
bool cred_owner(uid_t uid);

#endif /* VFS_SYS_H */
