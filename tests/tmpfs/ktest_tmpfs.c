/*
 * ktest_tmpfs.c -- kernel self-tests of tmpfs: sparse files (holes read
 * as zeros and hold no pages), truncation giving pages back, ENOSPC at
 * the size limit, directory link counts, time stamps and statfs.
 */
#include "../ktest/ktest.h"
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/statfs.h>
#include <vfs/vnode.h>
#include <vfs/mount.h>
#include <vfs/namei.h>
#include <vfs/vfs.h>
#include <abi/dirent.h>

static struct vnode *
kt_file(struct ktest_ctx *kt, const char *path)
{
	struct vnode *vp = NULL;
	int error = vfs_mknodat(AT_FDCWD, path, S_IFREG | 0644, 0);

	if (!KT_CHECK(kt, error == 0 || error == -EEXIST))
		return NULL;
	if (!KT_EQ(kt, vfs_lookup(path, &vp), 0))
		return NULL;
	return vp;
}

KTEST(tmpfs_sparse_file)
{
	struct vnode *vp = kt_file(kt, "/kt_sparse");
	struct statfs before, after;
	struct vattr va;
	char buf[64];
	const off_t far = (off_t)1 << 30;

	if (vp == NULL)
		return;
	KT_EQ(kt, vfs_statfs(vp->v_mount, &before), 0);
	KT_EQ(kt, vn_rdwr(vp, UIO_WRITE, "x", 1, far, 0), 1);
	KT_EQ(kt, vn_getattr(vp, &va), 0);
	KT_EQ(kt, va.va_size, far + 1);
	KT_EQ(kt, va.va_bytes, PAGE_SIZE); /* one page, not a gigabyte */
	KT_EQ(kt, vfs_statfs(vp->v_mount, &after), 0);
	KT_EQ(kt, before.f_bfree - after.f_bfree, 1);
	memset(buf, 'q', sizeof(buf));
	KT_EQ(kt, vn_rdwr(vp, UIO_READ, buf, sizeof(buf), 12345, 0),
	    sizeof(buf));
	for (size_t i = 0; i < sizeof(buf); i++)
		if (!KT_EQ(kt, buf[i], 0))
			break;
	KT_EQ(kt, vn_rdwr(vp, UIO_READ, buf, sizeof(buf), far, 0), 1);
	KT_EQ(kt, buf[0], 'x');
	/* Reads at or past the end get nothing. */
	KT_EQ(kt, vn_rdwr(vp, UIO_READ, buf, sizeof(buf), far + 1, 0), 0);
	/* Truncating gives the page back; growing again reads zeros. */
	va.va_mask = VA_SIZE;
	va.va_size = 10;
	KT_EQ(kt, vn_setattr(vp, &va), 0);
	KT_EQ(kt, vfs_statfs(vp->v_mount, &after), 0);
	KT_EQ(kt, after.f_bfree, before.f_bfree);
	vrele(vp);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_sparse", 0), 0);
}

KTEST(tmpfs_truncate_zeroes_tail)
{
	struct vnode *vp = kt_file(kt, "/kt_trunc");
	struct vattr va = { .va_mask = VA_SIZE };
	char buf[100];

	if (vp == NULL)
		return;
	memset(buf, 'a', sizeof(buf));
	KT_EQ(kt, vn_rdwr(vp, UIO_WRITE, buf, sizeof(buf), 0, 0), 100);
	va.va_size = 10;
	KT_EQ(kt, vn_setattr(vp, &va), 0);
	va.va_size = 100;
	KT_EQ(kt, vn_setattr(vp, &va), 0);
	KT_EQ(kt, vn_rdwr(vp, UIO_READ, buf, sizeof(buf), 0, 0), 100);
	KT_EQ(kt, buf[9], 'a');
	KT_EQ(kt, buf[10], 0);
	KT_EQ(kt, buf[99], 0);
	vrele(vp);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_trunc", 0), 0);
}

KTEST(tmpfs_enospc_at_limit)
{
	struct vnode *covered, *vp;
	struct mount *mp;
	char *buf;
	ssize_t n;

	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_small", 0755), 0);
	KT_EQ(kt, vfs_lookup("/kt_small", &covered), 0);
	if (!KT_EQ(kt, vfs_mount("tmpfs", "kt", "size=16k", 0, covered, &mp),
	    0)) {
		vrele(covered);
		return;
	}
	KT_EQ(kt, vfs_mount("tmpfs", "kt", "bogus=1", 0, covered, NULL),
	    -EINVAL);
	buf = kmem_zalloc(8 * PAGE_SIZE, KM_SLEEP);
	vp = kt_file(kt, "/kt_small/f");
	if (vp != NULL && buf != NULL) {
		/* Four pages fit, then a short write, then ENOSPC. */
		n = vn_rdwr(vp, UIO_WRITE, buf, 8 * PAGE_SIZE, 0, 0);
		KT_EQ(kt, n, 4 * PAGE_SIZE);
		n = vn_rdwr(vp, UIO_WRITE, buf, 1, 4 * PAGE_SIZE, 0);
		KT_EQ(kt, n, -ENOSPC);
		/* Overwriting what exists still works. */
		KT_EQ(kt, vn_rdwr(vp, UIO_WRITE, buf, 10, 0, 0), 10);
	}
	if (vp != NULL)
		vrele(vp);
	if (buf != NULL)
		kmem_free(buf, 8 * PAGE_SIZE);
	KT_EQ(kt, vfs_unmount(mp), 0);
	vrele(covered);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_small", AT_REMOVEDIR), 0);
}

KTEST(tmpfs_dir_nlink)
{
	struct stat st;

	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_nl", 0755), 0);
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_nl", &st, 0), 0);
	KT_EQ(kt, st.st_nlink, 2);
	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_nl/a", 0755), 0);
	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_nl/b", 0755), 0);
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_nl/f", S_IFREG | 0644, 0), 0);
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_nl", &st, 0), 0);
	KT_EQ(kt, st.st_nlink, 4);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_nl", AT_REMOVEDIR), -ENOTEMPTY);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_nl/a", AT_REMOVEDIR), 0);
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_nl", &st, 0), 0);
	KT_EQ(kt, st.st_nlink, 3);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_nl/b", AT_REMOVEDIR), 0);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_nl/f", 0), 0);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_nl", AT_REMOVEDIR), 0);
}

static bool
ts_le(uint64_t s1, uint64_t n1, uint64_t s2, uint64_t n2)
{
	return s1 < s2 || (s1 == s2 && n1 <= n2);
}

KTEST(tmpfs_timestamps)
{
	struct stat st0, st1, dst0, dst1;
	struct vnode *vp;

	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_ts", 0755), 0);
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_ts", &dst0, 0), 0);
	kpause(2000000, false); /* 2 ms: the clock must move */
	vp = kt_file(kt, "/kt_ts/f");
	if (vp == NULL)
		return;
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_ts", &dst1, 0), 0);
	/* Creating an entry changes the directory's mtime and ctime. */
	KT_CHECK(kt, !ts_le(dst1.st_mtime, dst1.st_mtime_nsec, dst0.st_mtime,
	    dst0.st_mtime_nsec));
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_ts/f", &st0, 0), 0);
	kpause(2000000, false);
	KT_EQ(kt, vn_rdwr(vp, UIO_WRITE, "abc", 3, 0, 0), 3);
	KT_EQ(kt, vfs_statat(AT_FDCWD, "/kt_ts/f", &st1, 0), 0);
	KT_CHECK(kt, !ts_le(st1.st_mtime, st1.st_mtime_nsec, st0.st_mtime,
	    st0.st_mtime_nsec));
	KT_EQ(kt, st1.st_mtime, st1.st_ctime);
	KT_EQ(kt, st1.st_mtime_nsec, st1.st_ctime_nsec);
	vrele(vp);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_ts/f", 0), 0);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_ts", AT_REMOVEDIR), 0);
}

KTEST(tmpfs_unlinked_open_file)
{
	struct file *f;
	struct vnode *vp;
	char buf[8];

	if (!KT_EQ(kt, vfs_open_file(AT_FDCWD, "/kt_unl", O_CREAT | O_RDWR,
	    0600, &f), 0))
		return;
	vp = f->f_vnode;
	KT_EQ(kt, vn_rdwr(vp, UIO_WRITE, "data", 4, 0, 0), 4);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_unl", 0), 0);
	/* The data lives as long as the open file. */
	KT_EQ(kt, vn_rdwr(vp, UIO_READ, buf, sizeof(buf), 0, 0), 4);
	KT_EQ(kt, memcmp(buf, "data", 4), 0);
	file_rele(f);
}

static void
big_cleanup(int n)
{
	char path[64];

	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "/kt_big/entry-%d", i);
		vfs_unlinkat(AT_FDCWD, path, 0);
	}
	vfs_unlinkat(AT_FDCWD, "/kt_big", AT_REMOVEDIR);
}

KTEST(tmpfs_big_directory)
{
	char path[64], *buf;
	struct statfs sf;
	struct vnode *vp;
	struct file *f;
	int seen = 0, N;

	KT_EQ(kt, vfs_mkdirat(AT_FDCWD, "/kt_big", 0755), 0);
	KT_EQ(kt, vfs_lookup("/kt_big", &vp), 0);
	KT_EQ(kt, vfs_statfs(vp->v_mount, &sf), 0);
	vrele(vp);
	/* As many as a small machine (hw, 8 MiB) holds, up to 3000. */
	N = (int)MIN(3000, sf.f_ffree / 2);
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof(path), "/kt_big/entry-%d", i);
		if (!KT_EQ(kt, vfs_mknodat(AT_FDCWD, path, S_IFREG | 0644,
		    0), 0)) {
			big_cleanup(i);
			return;
		}
	}
	/* Every name is found (through the growing hash table)... */
	for (int i = 0; i < N; i += 7) {
		snprintf(path, sizeof(path), "/kt_big/entry-%d", i);
		if (!KT_EQ(kt, vfs_lookup(path, &vp), 0))
			break;
		vrele(vp);
	}
	/* ...and listed exactly once, even while half are removed. */
	buf = kmem_alloc(1024, KM_SLEEP);
	if (!KT_CHECK(kt, buf != NULL) ||
	    !KT_EQ(kt, vfs_open_file(AT_FDCWD, "/kt_big", O_RDONLY, 0, &f),
		0)) {
		if (buf != NULL)
			kmem_free(buf, 1024);
		big_cleanup(N);
		return;
	}
	for (;;) {
		struct iovec iov = { buf, 1024 };
		struct uio uio = { .uio_iov = &iov, .uio_iovcnt = 1,
			.uio_resid = 1024, .uio_rw = UIO_READ };
		ssize_t n = f->f_vnode->v_op->vop_readdir(f->f_vnode, &uio,
		    &f->f_offset);
		if (n <= 0) {
			KT_EQ(kt, n, 0);
			break;
		}
		for (ssize_t pos = 0; pos < n;) {
			struct linux_dirent64 *d = (void *)(buf + pos);
			pos += d->d_reclen;
			if (d->d_name[0] != 'e')
				continue;
			seen++;
			/* Remove odd entries as they are seen. */
			if (d->d_name[strlen(d->d_name) - 1] % 2 == 1) {
				snprintf(path, sizeof(path), "/kt_big/%s",
				    d->d_name);
				KT_EQ(kt, vfs_unlinkat(AT_FDCWD, path, 0), 0);
			}
		}
	}
	file_rele(f);
	kmem_free(buf, 1024);
	KT_EQ(kt, seen, N);
	for (int i = 0; i < N; i++) {
		snprintf(path, sizeof(path), "/kt_big/entry-%d", i);
		KT_EQ(kt, vfs_unlinkat(AT_FDCWD, path, 0), i % 2 ? -ENOENT : 0);
	}
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_big", AT_REMOVEDIR), 0);
}
