/*
 * ktest_vfs.c -- kernel self-tests of the VFS: name lookup (symlink
 * limits, long names, "..", trailing slashes), vnode reference counts,
 * the name cache, mounting over a directory and unmounting, and
 * permission checks against the process credentials.
 */
#include "../ktest/ktest.h"
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/statfs.h>
#include <vfs/vnode.h>
#include <vfs/mount.h>
#include <vfs/namei.h>
#include <vfs/vfs.h>
#include "syscall_handlers.h"

/* A fresh directory for one test, named after it. */
static bool
kt_dir(struct ktest_ctx *kt, const char *path)
{
	int error = vfs_mkdirat(AT_FDCWD, path, 0755);

	return KT_CHECK(kt, error == 0 || error == -EEXIST);
}

static int
kt_symlink(const char *target, const char *path)
{
	/* The handler copies strings "in" from kernel memory: same space. */
	return (int)sys_symlink(target, path);
}

KTEST(vfs_namei_basics)
{
	struct nameidata nd;
	struct vnode *vp, *root;

	if (!kt_dir(kt, "/kt_namei") || !kt_dir(kt, "/kt_namei/sub"))
		return;
	KT_EQ(kt, namei(AT_FDCWD, "/kt_namei/sub", 0, &nd), 0);
	vp = nd.ni_vp;
	KT_CHECK(kt, vn_isdir(vp));
	namei_done(&nd);
	/* ".." of the root is the root; "." and "//" are no-ops. */
	KT_EQ(kt, vfs_lookup("/", &root), 0);
	KT_EQ(kt, vfs_lookup("/../..//.", &vp), 0);
	KT_CHECK(kt, vp == root);
	vrele(vp);
	KT_EQ(kt, vfs_lookup("/kt_namei/sub/../sub/./..", &vp), 0);
	KT_CHECK(kt, vp != root && vn_isdir(vp));
	vrele(vp);
	vrele(root);
	KT_EQ(kt, vfs_lookup("/kt_namei/missing", &vp), -ENOENT);
	KT_EQ(kt, vfs_lookup("", &vp), -ENOENT);
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_namei/file", S_IFREG | 0644, 0), 0);
	KT_EQ(kt, vfs_lookup("/kt_namei/file/x", &vp), -ENOTDIR);
	KT_EQ(kt, vfs_lookup("/kt_namei/file/", &vp), -ENOTDIR);
	/* NI_PARENT gives the directory and the last name. */
	KT_EQ(kt, namei(AT_FDCWD, "/kt_namei/sub/new", NI_PARENT, &nd), 0);
	KT_CHECK(kt, nd.ni_vp == NULL && nd.ni_dvp != NULL);
	KT_EQ(kt, nd.ni_namelen, 3);
	KT_EQ(kt, strcmp(nd.ni_name, "new"), 0);
	namei_done(&nd);
}

KTEST(vfs_namei_limits)
{
	char *path = kmem_alloc(PATH_MAX + 16, KM_SLEEP);
	char name[300], link[64], target[64];
	struct vnode *vp;

	if (!KT_CHECK(kt, path != NULL) || !kt_dir(kt, "/kt_limits"))
		return;
	/* NAME_MAX is 255: 256 fails, 255 is only missing. */
	memset(name, 'n', 256);
	name[256] = '\0';
	snprintf(path, PATH_MAX, "/kt_limits/%s", name);
	KT_EQ(kt, vfs_lookup(path, &vp), -ENAMETOOLONG);
	name[255] = '\0';
	snprintf(path, PATH_MAX, "/kt_limits/%s", name);
	KT_EQ(kt, vfs_lookup(path, &vp), -ENOENT);
	/* A chain of 40 symlinks resolves, 41 is ELOOP. */
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_limits/l0", S_IFREG | 0644, 0), 0);
	for (int i = 1; i <= 41; i++) {
		snprintf(target, sizeof(target), "l%d", i - 1);
		snprintf(link, sizeof(link), "/kt_limits/l%d", i);
		KT_EQ(kt, kt_symlink(target, link), 0);
	}
	KT_EQ(kt, vfs_lookup("/kt_limits/l40", &vp), 0);
	vrele(vp);
	KT_EQ(kt, vfs_lookup("/kt_limits/l41", &vp), -ELOOP);
	KT_EQ(kt, kt_symlink("loop", "/kt_limits/loop"), 0);
	KT_EQ(kt, vfs_lookup("/kt_limits/loop", &vp), -ELOOP);
	kmem_free(path, PATH_MAX + 16);
}

KTEST(vfs_vnode_refcounts)
{
	struct vnode *a, *b;
	int before;

	if (!kt_dir(kt, "/kt_refs"))
		return;
	KT_EQ(kt, vfs_lookup("/kt_refs", &a), 0);
	before = a->v_usecount;
	KT_EQ(kt, vfs_lookup("/kt_refs", &b), 0);
	KT_CHECK(kt, a == b);
	KT_EQ(kt, a->v_usecount, before + 1);
	vrele(b);
	KT_EQ(kt, a->v_usecount, before);
	vrele(a);
}

KTEST(vfs_namecache)
{
	struct vnode *dvp, *vp, *hit;

	if (!kt_dir(kt, "/kt_nc") || !kt_dir(kt, "/kt_nc/x"))
		return;
	KT_EQ(kt, vfs_lookup("/kt_nc", &dvp), 0);
	KT_EQ(kt, vfs_lookup("/kt_nc/x", &vp), 0);
	/* The lookup above went through tmpfs, which entered it. */
	hit = cache_lookup(dvp, "x", 1);
	KT_CHECK(kt, hit == vp);
	if (hit != NULL)
		vrele(hit);
	cache_remove(dvp, "x", 1);
	KT_CHECK(kt, cache_lookup(dvp, "x", 1) == NULL);
	cache_enter(dvp, "alias", 5, vp);
	hit = cache_lookup(dvp, "alias", 5);
	KT_CHECK(kt, hit == vp);
	if (hit != NULL)
		vrele(hit);
	cache_purge(vp);
	KT_CHECK(kt, cache_lookup(dvp, "alias", 5) == NULL);
	vrele(vp);
	vrele(dvp);
}

KTEST(vfs_mount_umount)
{
	struct vnode *covered, *vp, *up;
	struct mount *mp;
	struct statfs st;

	if (!kt_dir(kt, "/kt_mnt"))
		return;
	KT_EQ(kt, vfs_lookup("/kt_mnt", &covered), 0);
	KT_EQ(kt, vfs_mount("nofs", "x", NULL, 0, covered, &mp), -ENODEV);
	if (!KT_EQ(kt, vfs_mount("tmpfs", "kt", "size=1m", 0, covered, &mp), 0)) {
		vrele(covered);
		return;
	}
	KT_EQ(kt, vfs_mount("tmpfs", "kt", NULL, 0, covered, NULL), -EBUSY);
	/* Lookups now cross into the new file system and back up. */
	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_mnt/inside", 0755), 0);
	KT_EQ(kt, vfs_lookup("/kt_mnt", &vp), 0);
	KT_CHECK(kt, vp == mp->mnt_root && (vp->v_vflag & VV_ROOT));
	KT_EQ(kt, vfs_statfs(vp->v_mount, &st), 0);
	KT_EQ(kt, st.f_type, TMPFS_MAGIC);
	KT_EQ(kt, st.f_blocks, (1 << 20) / PAGE_SIZE);
	vrele(vp);
	KT_EQ(kt, vfs_lookup("/kt_mnt/inside/../..", &up), 0);
	KT_EQ(kt, vfs_lookup("/", &vp), 0);
	KT_CHECK(kt, up == vp);
	vrele(up);
	vrele(vp);
	/* Busy while something in it is referenced. */
	KT_EQ(kt, vfs_lookup("/kt_mnt/inside", &vp), 0);
	KT_EQ(kt, vfs_unmount(mp), -EBUSY);
	vrele(vp);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_mnt", AT_REMOVEDIR), -EBUSY);
	KT_EQ(kt, vfs_unmount(mp), 0);
	KT_EQ(kt, vfs_lookup("/kt_mnt/inside", &vp), -ENOENT);
	KT_CHECK(kt, covered->v_mountedhere == NULL);
	vrele(covered);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_mnt", AT_REMOVEDIR), 0);
}

KTEST(vfs_permissions)
{
	struct proc *p = curproc;
	struct cred saved = p->p_cred;
	struct vnode *vp;
	int fd;

	if (!kt_dir(kt, "/kt_perm"))
		return;
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_perm/f", S_IFREG | 0640, 0), 0);
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_perm/x", S_IFREG | 0644, 0), 0);
	KT_EQ(kt, vfs_lookup("/kt_perm/f", &vp), 0);
	/* Root: read and write always, execute only with an x bit. */
	KT_EQ(kt, vn_access(vp, R_OK | W_OK), 0);
	KT_EQ(kt, vn_access(vp, X_OK), -EACCES);
	/* Someone else: the "other" bits (none here). */
	p->p_cred.cr_fsuid = p->p_cred.cr_uid = 1000;
	p->p_cred.cr_fsgid = p->p_cred.cr_gid = 1000;
	p->p_cred.cr_ngroups = 0;
	KT_EQ(kt, vn_access(vp, R_OK), -EACCES);
	KT_EQ(kt, vfs_openat(AT_FDCWD, "/kt_perm/f", O_RDONLY, 0), -EACCES);
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_perm/g", S_IFREG | 0644, 0),
	    -EACCES);
	/* A member of the file's group (0) gets the group bits. */
	p->p_cred.cr_ngroups = 1;
	p->p_cred.cr_groups[0] = 0;
	KT_EQ(kt, vn_access(vp, R_OK), 0);
	KT_EQ(kt, vn_access(vp, W_OK), -EACCES);
	fd = vfs_openat(AT_FDCWD, "/kt_perm/x", O_RDONLY, 0);
	KT_CHECK(kt, fd >= 0);
	if (fd >= 0)
		fd_close(fd);
	p->p_cred = saved;
	vrele(vp);
}

KTEST(vfs_umask_and_owner)
{
	struct proc *p = curproc;
	mode_t old = p->p_umask;
	struct stat st;

	p->p_umask = 027;
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_umask_f", S_IFREG | 0666, 0), 0);
	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_umask_d", 0777), 0);
	p->p_umask = old;
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_umask_f", &st, 0), 0);
	KT_EQ(kt, st.st_mode, S_IFREG | 0640);
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_umask_d", &st, 0), 0);
	KT_EQ(kt, st.st_mode, S_IFDIR | 0750);
	KT_EQ(kt, st.st_uid, p->p_cred.cr_fsuid);
}
