/*
 * vfs_mount_sys.c -- mount(2) and umount2(2), minimal: a file system
 * type by name over a directory, and unmounting it again.  Bind, move
 * and remount requests are refused with EINVAL.
 */
#include "vfs_int.h"

#define MS_RDONLY  0x1
#define MS_REMOUNT 0x20
#define MS_BIND    0x1000
#define MS_MOVE    0x2000
#define MNT_FORCE  0x1
#define MNT_DETACH 0x2
#define MNT_EXPIRE 0x4
#define UMOUNT_NOFOLLOW 0x8

long
sys_mount(const char *source, const char *target, const char *fstype,
    unsigned long mountflags, const void *data)
{
	char *ksrc = NULL, *ktarget = NULL, *ktype = NULL, *kdata = NULL;
	struct nameidata nd;
	long error;

	if (vnode_cred()->cr_euid != 0)
		return -EPERM;
	if (mountflags & (MS_REMOUNT | MS_BIND | MS_MOVE))
		return -EINVAL;
	if (fstype == NULL)
		return -EINVAL;
	error = namei_getpath(fstype, &ktype);
	if (error != 0)
		goto out;
	if (source != NULL && (error = namei_getpath(source, &ksrc)) != 0)
		goto out;
	/* Options are a string for the file systems here (tmpfs: size=). */
	if (data != NULL && (error = namei_getpath(data, &kdata)) != 0)
		goto out;
	error = namei_getpath(target, &ktarget);
	if (error != 0)
		goto out;
	error = namei(AT_FDCWD, ktarget, NI_FOLLOW, &nd);
	if (error != 0)
		goto out;
	error = vfs_mount(ktype, ksrc != NULL ? ksrc : "none", kdata,
	    (mountflags & MS_RDONLY) ? ST_RDONLY : 0, nd.ni_vp, NULL);
	namei_done(&nd);
out:
	namei_putpath(ktype);
	namei_putpath(ksrc);
	namei_putpath(ktarget);
	namei_putpath(kdata);
	return error;
}

long
sys_umount2(const char *target, int flags)
{
	struct nameidata nd;
	struct mount *mp;
	char *kpath;
	int error;

	if (vnode_cred()->cr_euid != 0)
		return -EPERM;
	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	error = namei_getpath(target, &kpath);
	if (error != 0)
		return error;
	error = namei(AT_FDCWD, kpath, (flags & UMOUNT_NOFOLLOW) ? 0 : NI_FOLLOW,
	    &nd);
	namei_putpath(kpath);
	if (error != 0)
		return error;
	if (!(nd.ni_vp->v_vflag & VV_ROOT)) {
		namei_done(&nd);
		return -EINVAL;
	}
	mp = nd.ni_vp->v_mount;
	namei_done(&nd);
	return vfs_unmount(mp);
}
