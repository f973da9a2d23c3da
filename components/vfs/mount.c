/*
 * mount.c -- file system types, the mount table, mounting over a
 * directory and unmounting (with EBUSY while anything is in use).
 */
#include "vfs_int.h"

kmutex_t mount_lock;
struct vnode *rootvnode;
static struct vfsops *vfs_list;
static struct mount *mount_list;
static int mount_nextid = 1;

void
mount_init(void)
{
	mutex_init(&mount_lock, MUTEX_DEFAULT);
}

void
vfs_register(struct vfsops *ops)
{
	mutex_enter(&mount_lock);
	ops->vfs_next = vfs_list;
	vfs_list = ops;
	mutex_exit(&mount_lock);
}

static const struct vfsops *
vfs_find(const char *name)
{
	const struct vfsops *ops;

	mutex_enter(&mount_lock);
	for (ops = vfs_list; ops != NULL; ops = ops->vfs_next)
		if (strcmp(ops->vfs_name, name) == 0)
			break;
	mutex_exit(&mount_lock);
	return ops;
}

/* "auto": the first type that recognises source.  Probing may block,
 * so it runs without mount_lock; types are never unregistered. */
static const struct vfsops *
vfs_probe_source(const char *source)
{
	const struct vfsops *ops;

	mutex_enter(&mount_lock);
	ops = vfs_list;
	mutex_exit(&mount_lock);
	for (; ops != NULL; ops = ops->vfs_next)
		if (ops->vfs_probe != NULL && ops->vfs_probe(source))
			return ops;
	return NULL;
}

static int
mount_make(const char *fstype, const char *source, const void *data,
    int flags, struct mount **mpp)
{
	const struct vfsops *ops = strcmp(fstype, "auto") == 0 ?
	    vfs_probe_source(source) : vfs_find(fstype);
	struct mount *mp;
	int error;

	if (ops == NULL)
		return -ENODEV;
	mp = kmem_zalloc(sizeof(*mp), KM_SLEEP);
	if (mp == NULL)
		return -ENOMEM;
	mp->mnt_op = ops;
	mp->mnt_flags = flags;
	mutex_enter(&mount_lock);
	mp->mnt_id = mount_nextid++;
	mutex_exit(&mount_lock);
	/* Anonymous device numbers, major 0, as Linux gives tmpfs. */
	mp->mnt_dev = dev_make(0, 32 + mp->mnt_id);
	error = ops->vfs_mount(mp, source, data);
	if (error != 0) {
		kmem_free(mp, sizeof(*mp));
		return error;
	}
	mp->mnt_root->v_vflag |= VV_ROOT;
	*mpp = mp;
	return 0;
}

int
vfs_mount(const char *fstype, const char *source, const void *data,
    int flags, struct vnode *covered, struct mount **mpp)
{
	struct mount *mp;
	int error;

	if (!vn_isdir(covered))
		return -ENOTDIR;
	error = mount_make(fstype, source, data, flags, &mp);
	if (error != 0)
		return error;
	mutex_enter(&mount_lock);
	if (covered->v_mountedhere != NULL) {
		mutex_exit(&mount_lock);
		vrele(mp->mnt_root);
		mp->mnt_op->vfs_unmount(mp);
		kmem_free(mp, sizeof(*mp));
		return -EBUSY;
	}
	vref(covered);
	mp->mnt_covered = covered;
	covered->v_mountedhere = mp;
	mp->mnt_next = mount_list;
	mount_list = mp;
	mutex_exit(&mount_lock);
	if (mpp != NULL)
		*mpp = mp;
	return 0;
}

int
vfs_mount_detached(const char *fstype, const char *source, const void *data,
    struct mount **mpp)
{
	return mount_make(fstype, source, data, 0, mpp);
}

int
vfs_mountroot(const char *fstype, const char *source, const void *data)
{
	struct mount *mp;
	int error;

	if (rootvnode != NULL)
		return -EBUSY;
	error = mount_make(fstype, source, data, 0, &mp);
	if (error != 0)
		return error;
	mutex_enter(&mount_lock);
	mp->mnt_next = mount_list;
	mount_list = mp;
	rootvnode = mp->mnt_root;
	mutex_exit(&mount_lock);
	return 0;
}

int
vfs_unmount(struct mount *mp)
{
	struct mount **mpp;
	struct vnode *covered;
	int error;

	mutex_enter(&mount_lock);
	if (mp->mnt_covered == NULL) {
		mutex_exit(&mount_lock);
		return -EBUSY; /* the root file system stays */
	}
	/* The mount's own reference to its root is the only one allowed
	 * (the caller's has been dropped already): no other vnode in use,
	 * and no other reference to the root (a cwd there). */
	if (mp->mnt_activevnodes > 1 || mp->mnt_root->v_usecount > 1) {
		mutex_exit(&mount_lock);
		return -EBUSY;
	}
	for (mpp = &mount_list; *mpp != mp; mpp = &(*mpp)->mnt_next)
		KASSERT(*mpp != NULL);
	*mpp = mp->mnt_next;
	covered = mp->mnt_covered;
	covered->v_mountedhere = NULL;
	mutex_exit(&mount_lock);
	vrele(mp->mnt_root);
	error = mp->mnt_op->vfs_unmount(mp);
	vrele(covered);
	kmem_free(mp, sizeof(*mp));
	return error;
}

int
vfs_statfs(struct mount *mp, struct statfs *st)
{
	int error;

	memset(st, 0, sizeof(*st));
	error = mp->mnt_op->vfs_statfs(mp, st);
	if (error != 0)
		return error;
	st->f_fsid.val[0] = (int32_t)mp->mnt_dev;
	st->f_fsid.val[1] = (int32_t)(mp->mnt_dev >> 32);
	st->f_flags = mp->mnt_flags | ST_VALID;
	return 0;
}

void
vfs_syncall(void)
{
	struct mount *mp;

	/* Mounts are never freed while listed and the lock is held; the
	 * sync operations of in-memory file systems do not block. */
	mutex_enter(&mount_lock);
	for (mp = mount_list; mp != NULL; mp = mp->mnt_next)
		if (mp->mnt_op->vfs_sync != NULL)
			mp->mnt_op->vfs_sync(mp);
	mutex_exit(&mount_lock);
}
