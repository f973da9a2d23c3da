/*
 * vfs/mount.h -- file system types and the mount table
 * (components/vfs/mount.c).
 *
 * A file system type registers a struct vfsops under its name (tmpfs
 * does so at RUMP_LEVEL_FS).  vfs_mount() makes an instance and attaches
 * its root vnode over a directory; the first mount, at RUMP_LEVEL_ROOTFS,
 * goes on "/" with vfs_mountroot().
 */
#ifndef VFS_MOUNT_H
#define VFS_MOUNT_H

#include <kern/kern.h>
#include <abi/statfs.h>

struct vnode;
struct mount;

struct vfsops {
	const char *vfs_name;
	/*
	 * vfs_mount: set mp up (mnt_data, mnt_root with one reference of
	 * its own, mnt_magic) from source and data (may be NULL).
	 */
	int (*vfs_mount)(struct mount *mp, const char *source, const void *data);
	/* vfs_unmount: free everything; called only when nothing but the
	 * mount itself references the file system's vnodes. */
	int (*vfs_unmount)(struct mount *mp);
	/* vfs_statfs: fill st (the VFS fills f_fsid, f_flags after). */
	int (*vfs_statfs)(struct mount *mp, struct statfs *st);
	int (*vfs_sync)(struct mount *mp); /* may be NULL */
	/*
	 * vfs_probe: does source hold this type of file system?  For
	 * fstype "auto"; NULL for file systems without a device.  Quiet:
	 * no kernel messages for a source that is not its type.
	 */
	bool (*vfs_probe)(const char *source);
	struct vfsops *vfs_next;           /* private */
};

struct mount {
	const struct vfsops *mnt_op;
	void *mnt_data;              /* the file system's */
	struct vnode *mnt_root;      /* referenced by the mount */
	struct vnode *mnt_covered;   /* the directory under it (referenced);
	                              * NULL for the root mount */
	int mnt_flags;               /* ST_* */
	dev_t mnt_dev;               /* st_dev of its files */
	int mnt_id;                  /* statx stx_mnt_id */
	int mnt_activevnodes;        /* vnodes with v_usecount > 0 */
	struct mount *mnt_next;      /* private: mount list */
};

/* vfs_register: make a file system type known (its vfsops stay alive). */
void vfs_register(struct vfsops *ops);

/*
 * vfs_mount: mount a file system of type fstype from source over the
 * directory covered (referenced by the caller, who keeps its reference).
 * fstype "auto" picks the first registered type whose vfs_probe
 * recognises source.  -ENODEV: unknown type (or none recognised source); -EBUSY: already a mount point; -ENOTDIR.
 */
int vfs_mount(const char *fstype, const char *source, const void *data,
    int flags, struct vnode *covered, struct mount **mpp);
/*
 * vfs_mount_detached: a mount of fstype that covers nothing and is in
 * no mount table (memfd_create's internal tmpfs): reached only through
 * *mpp's root, never unmounted.
 */
int vfs_mount_detached(const char *fstype, const char *source,
    const void *data, struct mount **mpp);
/* vfs_mountroot: mount fstype as "/"; -EBUSY if there is a root. */
int vfs_mountroot(const char *fstype, const char *source, const void *data);
/*
 * vfs_unmount: unmount the file system whose root is vp.  -EINVAL if vp
 * is no mount's root, -EBUSY if anything else uses the file system
 * (open files, cwds, mounts on it) or it is the root file system.
 */
int vfs_unmount(struct mount *mp);

/* rootvnode: the root of the root file system (NULL before mountroot). */
extern struct vnode *rootvnode;

/* vfs_syncall: sync every mounted file system (sync(2)). */
void vfs_syncall(void);

/* vfs_statfs: statfs(2) of the file system of vp. */
int vfs_statfs(struct mount *mp, struct statfs *st);

/* The lock of the mount table and vnode covering (v_mountedhere). */
extern kmutex_t mount_lock;

#endif /* VFS_MOUNT_H */
