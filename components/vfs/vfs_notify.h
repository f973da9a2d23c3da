/*
 * vfs_notify.h -- the hooks through which the VFS reports file system
 * events to inotify (components/vfs/inotify.c).  Each hook is an inline
 * test of one counter while no watch exists anywhere, so the VFS pays
 * nothing for them then.  IN_* masks are abi/inotify.h's.
 */
#ifndef VFS_NOTIFY_H
#define VFS_NOTIFY_H

#include <vfs/vnode.h>
#include <abi/inotify.h>

/* inotify_nwatches: watches alive (the hooks' fast test). */
extern int inotify_nwatches;

/* The out-of-line halves of the hooks below (inotify.c). */
void inotify_vnode(struct vnode *vp, uint32_t mask);
void inotify_link(struct vnode *vp);
void inotify_entry(struct vnode *dvp, const char *name, size_t len,
    uint32_t mask, struct vnode *vp);
void inotify_remove(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp, bool attrib);
void inotify_rename(struct vnode *fdvp, const char *fname, size_t flen,
    struct vnode *tdvp, const char *tname, size_t tlen,
    struct vnode *fvp, struct vnode *tvp, bool exchange);
void inotify_close(struct vnode *vp, int fflag);
void inotify_vnode_gone(struct vnode *vp);
void inotify_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp);
/* inotify_init: set inotify up (the VFS component's init). */
void inotify_init(void);

static inline bool
vfs_notify_on(void)
{
	return __atomic_load_n(&inotify_nwatches, __ATOMIC_RELAXED) != 0;
}

/*
 * vfs_notify: mask (IN_ACCESS, IN_MODIFY, IN_ATTRIB, IN_OPEN...) happened
 * to vp: its watches hear it, and so do those of the watched directory
 * it was last reached by name in (vfs_notify_lookup), with that name.
 */
static inline void
vfs_notify(struct vnode *vp, uint32_t mask)
{
	if (vfs_notify_on())
		inotify_vnode(vp, mask);
}

/*
 * vfs_notify_create: entry name of dvp now names vp (IN_CREATE; also
 * after link, which changes vp's link count: IN_ATTRIB on vp).
 */
static inline void
vfs_notify_create(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp, bool link)
{
	if (!vfs_notify_on())
		return;
	if (link)
		inotify_link(vp);
	inotify_entry(dvp, name, len, IN_CREATE, vp);
}

/*
 * vfs_notify_remove: entry name of dvp, which named vp, is gone (unlink:
 * attrib, rmdir: not).  vp's watches end (IN_DELETE_SELF, IN_IGNORED)
 * once it has no links and nothing else holds it; the caller still
 * holds one reference.
 */
static inline void
vfs_notify_remove(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp, bool attrib)
{
	if (vfs_notify_on())
		inotify_remove(dvp, name, len, vp, attrib);
}

/* vfs_notify_rename: a rename (or exchange) that succeeded. */
static inline void
vfs_notify_rename(struct vnode *fdvp, const char *fname, size_t flen,
    struct vnode *tdvp, const char *tname, size_t tlen,
    struct vnode *fvp, struct vnode *tvp, bool exchange)
{
	if (vfs_notify_on())
		inotify_rename(fdvp, fname, flen, tdvp, tname, tlen, fvp, tvp,
		    exchange);
}

/*
 * vfs_notify_lookup: name in dvp was found to be vp (the last component
 * of a lookup): events on vp reach dvp's watches under that name.
 */
static inline void
vfs_notify_lookup(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	if (vfs_notify_on() && dvp->v_inotify != NULL)
		inotify_lookup(dvp, name, len, vp);
}

/*
 * vfs_notify_close: a file of vp opened with fflag is closing; the
 * caller's reference (the file's) is still held.
 */
static inline void
vfs_notify_close(struct vnode *vp, int fflag)
{
	if (vfs_notify_on())
		inotify_close(vp, fflag);
}

#endif /* VFS_NOTIFY_H */
