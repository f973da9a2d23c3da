/*
 * vfs/namei.h -- path name lookup (components/vfs/namei.c), the name
 * cache (namecache.c) and a process's current and root directories
 * (cwd.c).
 */
#ifndef VFS_NAMEI_H
#define VFS_NAMEI_H

#include <kern/kern.h>


struct vnode;

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif
#define MAXSYMLINKS 40  /* Linux's limit on symlinks followed per lookup */

/* Flags for namei(). */
#define NI_FOLLOW    0x01 /* follow a symlink in the last component */
#define NI_PARENT    0x02 /* stop at the parent of the last component */
#define NI_EMPTYPATH 0x04 /* "" means dirfd itself (AT_EMPTY_PATH) */

struct nameidata {
	/* Results; vnodes are referenced, release with namei_done(). */
	struct vnode *ni_dvp;          /* NI_PARENT: the parent directory */
	struct vnode *ni_vp;           /* the file; NI_PARENT: NULL if the
	                                * last component does not exist */
	char ni_name[NAME_MAX + 1];    /* NI_PARENT: the last component */
	size_t ni_namelen;             /* 0: the path had none ("/") */
	bool ni_trailslash;            /* the path ended in '/' */
	int ni_nlinks;                 /* symlinks followed */
};

/*
 * namei: look kernel path `path` up relative to directory descriptor
 * dirfd (AT_FDCWD: the cwd; ignored for absolute paths).  Without
 * NI_PARENT, ni_vp is the file.  With NI_PARENT, ni_dvp is the
 * directory holding the last component ni_name and ni_vp that entry if
 * it exists (with NI_FOLLOW a symlink there is followed, and ni_dvp /
 * ni_name describe where its target lives).  A last component "." or
 * ".." is returned as such in ni_name; a path without components ("/")
 * has ni_namelen 0 and ni_vp the directory.
 * Errors: -ENOENT (missing, or empty path), -ENOTDIR, -ENAMETOOLONG,
 * -ELOOP (more than MAXSYMLINKS), -EACCES (no search permission),
 * -EBADF (bad dirfd).
 */
int namei(int dirfd, const char *path, int flags, struct nameidata *nd);
/* namei_done: drop the references namei returned. */
void namei_done(struct nameidata *nd);

/*
 * namei_user: copy a caller's path in (-EFAULT, -ENAMETOOLONG) into a
 * PATH_MAX kmem buffer (namei_putpath frees it).
 */
int namei_getpath(const char *upath, char **kpathp);
void namei_putpath(char *kpath);

/* Name cache: (directory, name) -> vnode, no references held. */
/* cache_lookup: the cached vnode, referenced, or NULL. */
struct vnode *cache_lookup(struct vnode *dvp, const char *name, size_t len);
/* cache_enter: remember that name in dvp is vp (the fs calls it). */
void cache_enter(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp);
/* cache_remove: forget name in dvp (the fs calls it on unlink/rename). */
void cache_remove(struct vnode *dvp, const char *name, size_t len);
/* cache_purge: forget every entry to or from vp. */
void cache_purge(struct vnode *vp);
void cache_init(void);

/* The current and root directories of a process. */
struct cwdinfo {
	kmutex_t cwdi_lock;
	struct vnode *cwdi_cdir;  /* referenced */
	struct vnode *cwdi_rdir;  /* referenced */
};
/*
 * cwd_get / root_get: the current process's cwd / root directory,
 * referenced.  Processes older than the root file system start at "/".
 */
struct vnode *cwd_get(void);
struct vnode *root_get(void);
/* cwd_set: make vp (a directory; the caller's reference is taken over)
 * the current process's cwd. */
int cwd_set(struct vnode *vp);
/* root_set: the same for the root directory (chroot). */
int root_set(struct vnode *vp);
void cwd_init(void);

#endif /* VFS_NAMEI_H */
