/*
 * vfs_init.c -- the VFS component: name cache, mount table and the
 * per-process cwd hook.  File system types register at RUMP_LEVEL_FS,
 * the root is mounted at RUMP_LEVEL_ROOTFS.
 */
#include "vfs_int.h"
#include "vfs_notify.h"

static int
vfs_init(void)
{
	mount_init();
	cache_init();
	cwd_init();
	inotify_init();
	return 0;
}

RUMP_COMPONENT(rumpvfs, RUMP_LEVEL_VFS, vfs_init);
