/*
 * rump/rump_etfs.h -- host files inside the kernel's file system
 * ("extra-terrestrial file system", as NetBSD's rump called it): a file
 * of the host appears at a path of the rump kernel, and reads and writes
 * of it go to the host file.
 *
 * Functions return 0 or a positive errno value, like <rump/rump.h>.
 * They may be called from any host thread after rump_init().
 */
#ifndef RUMP_RUMP_ETFS_H
#define RUMP_RUMP_ETFS_H

#ifdef __cplusplus
extern "C" {
#endif

/* Types of a registered host file. */
#define RUMP_ETFS_REG 0 /* a regular file */
#define RUMP_ETFS_BLK 1 /* a block device (e.g. a disk image) */

/*
 * rump_etfs_register: make host file hostpath appear at key, an absolute
 * path in the kernel whose parent directory exists and whose name does
 * not.  The host file is opened read-write if possible, else read-only
 * (writes then fail with EBADF).  Its size (stat) is the host file's.
 * Errors: EINVAL (bad type or key not absolute), ENOENT (host file or
 * parent directory missing), EEXIST (key exists), or the host's error.
 */
int rump_etfs_register(const char *key, const char *hostpath, int type);

/*
 * rump_etfs_remove: undo rump_etfs_register(key): the name goes away
 * and the host file is closed once no kernel file uses it.  ENOENT if
 * key was not registered.
 */
int rump_etfs_remove(const char *key);

#ifdef __cplusplus
}
#endif

#endif /* RUMP_RUMP_ETFS_H */
