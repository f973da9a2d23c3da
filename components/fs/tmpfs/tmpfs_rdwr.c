/*
 * tmpfs_rdwr.c -- the vnode operations of tmpfs on a file's contents
 * and attributes: read, write, getattr, setattr (truncate), fsync,
 * fallocate and SEEK_DATA/SEEK_HOLE.
 */
#include "tmpfs.h"

static const char zeropage[PAGE_SIZE];

/* Linux's tmpfs reports directory sizes as 20 bytes per entry. */
#define BOGO_DIRENT_SIZE 20

ssize_t
tmpfs_read(struct vnode *vp, struct uio *uio, int ioflag)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	size_t done = 0;
	int error = 0;

	(void)ioflag;
	if (uio->uio_offset < 0)
		return -EINVAL;
	rw_enter(&tm->tm_lock, RW_READER);
	while (uio->uio_resid > 0 && uio->uio_offset < tn->tn_size) {
		uint64_t off = (uint64_t)uio->uio_offset;
		size_t pgoff = off & PAGE_MASK;
		size_t n = MIN(PAGE_SIZE - pgoff, uio->uio_resid);
		const char *page;
		size_t before = uio->uio_resid;

		n = (size_t)MIN((off_t)n, tn->tn_size - uio->uio_offset);
		page = tmpfs_page(tn, off / PAGE_SIZE);
		if (page == NULL)
			page = zeropage; /* a hole */
		error = uiomove((char *)page + pgoff, n, uio);
		done += before - uio->uio_resid;
		if (error != 0)
			break;
	}
	tmpfs_touch_atime(tn);
	rw_exit(&tm->tm_lock);
	return done > 0 ? (ssize_t)done : error;
}

ssize_t
tmpfs_write(struct vnode *vp, struct uio *uio, int ioflag)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	size_t done = 0;
	int error = 0;

	rw_enter(&tm->tm_lock, RW_WRITER);
	if (ioflag & IO_APPEND)
		uio->uio_offset = tn->tn_size;
	if (uio->uio_offset < 0) {
		error = -EINVAL;
		goto out;
	}
	if (uio->uio_resid > 0 &&
	    uio->uio_offset >= TMPFS_MAXFILESIZE) {
		error = -EFBIG;
		goto out;
	}
	if (uio->uio_resid > 0 &&
	    (tn->tn_seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))) {
		error = -EPERM;
		goto out;
	}
	/* A gap left before the write reads as zeros. */
	if (uio->uio_resid > 0 && uio->uio_offset > tn->tn_size)
		tmpfs_zero_range(tn, tn->tn_size, uio->uio_offset);
	while (uio->uio_resid > 0 && uio->uio_offset < TMPFS_MAXFILESIZE) {
		uint64_t off = (uint64_t)uio->uio_offset;
		size_t pgoff = off & PAGE_MASK;
		size_t n = MIN(PAGE_SIZE - pgoff, uio->uio_resid);
		size_t before = uio->uio_resid;
		void *page;

		/* As Linux: F_SEAL_GROW refuses the first page-sized piece
		 * that would end past the end of the file. */
		if ((tn->tn_seals & F_SEAL_GROW) &&
		    uio->uio_offset + (off_t)n > tn->tn_size) {
			error = -EPERM;
			break;
		}
		error = tmpfs_page_get(tm, tn, off / PAGE_SIZE, &page);
		if (error != 0)
			break;
		error = uiomove((char *)page + pgoff, n, uio);
		done += before - uio->uio_resid;
		if (uio->uio_offset > tn->tn_size)
			tn->tn_size = uio->uio_offset;
		if (error != 0)
			break;
	}
	if (done > 0) {
		tmpfs_touch(tn, TN_MTIME | TN_CTIME);
		/* Writing drops set-user-id (and group-id with group x). */
		if (tn->tn_mode & (S_ISUID | S_ISGID)) {
			if (curproc->p_cred.cr_fsuid != 0) {
				tn->tn_mode &= ~(mode_t)S_ISUID;
				if (tn->tn_mode & S_IXGRP)
					tn->tn_mode &= ~(mode_t)S_ISGID;
			}
		}
	}
out:
	rw_exit(&tm->tm_lock);
	return done > 0 ? (ssize_t)done : error;
}

int
tmpfs_getattr(struct vnode *vp, struct vattr *va)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);

	rw_enter(&tm->tm_lock, RW_READER);
	va->va_mode = tn->tn_mode;
	va->va_uid = tn->tn_uid;
	va->va_gid = tn->tn_gid;
	va->va_nlink = tn->tn_nlink;
	va->va_ino = tn->tn_ino;
	va->va_rdev = tn->tn_rdev;
	if (S_ISDIR(tn->tn_mode))
		va->va_size = (off_t)(tn->tn_dcount + 2) * BOGO_DIRENT_SIZE;
	else
		va->va_size = tn->tn_size;
	va->va_bytes = (uint64_t)tn->tn_npages * PAGE_SIZE;
	va->va_blksize = PAGE_SIZE;
	va->va_atime = tn->tn_atime;
	va->va_mtime = tn->tn_mtime;
	va->va_ctime = tn->tn_ctime;
	va->va_btime = tn->tn_btime;
	rw_exit(&tm->tm_lock);
	return 0;
}

/* Change the size of tn; tm_lock held as writer. */
static int
tmpfs_resize(struct tmpfs_mount *tm, struct tmpfs_node *tn, off_t size)
{
	if (size < 0)
		return -EINVAL;
	if (size > TMPFS_MAXFILESIZE)
		return -EFBIG;
	if ((size < tn->tn_size && (tn->tn_seals & F_SEAL_SHRINK)) ||
	    (size > tn->tn_size && (tn->tn_seals & F_SEAL_GROW)))
		return -EPERM;
	if (size > tn->tn_size)
		tmpfs_zero_range(tn, tn->tn_size, size);
	if (size < tn->tn_size) {
		uint64_t keep = ((uint64_t)size + PAGE_SIZE - 1) / PAGE_SIZE;
		char *page;

		tmpfs_truncate_pages(tm, tn, keep, true);
		/* Zero the tail of the last page, so growing the file
		 * again reads zeros there. */
		if ((size & PAGE_MASK) != 0 &&
		    (page = tmpfs_page(tn, (uint64_t)size / PAGE_SIZE)) != NULL)
			memset(page + (size & PAGE_MASK), 0,
			    PAGE_SIZE - (size & PAGE_MASK));
	}
	tn->tn_size = size;
	return 0;
}

int
tmpfs_setattr(struct vnode *vp, const struct vattr *va)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	int error = 0;

	rw_enter(&tm->tm_lock, RW_WRITER);
	if (va->va_mask & VA_SIZE) {
		if (S_ISDIR(tn->tn_mode)) {
			error = -EISDIR;
			goto out;
		}
		if (!S_ISREG(tn->tn_mode)) {
			error = -EINVAL;
			goto out;
		}
		/* As Linux's tmpfs: a size that does not change changes no
		 * time either (ftruncate and O_TRUNC ask with VA_MTIME). */
		if (va->va_size != tn->tn_size) {
			error = tmpfs_resize(tm, tn, va->va_size);
			if (error != 0)
				goto out;
			tmpfs_touch(tn, TN_MTIME | TN_CTIME);
		} else if (va->va_mask == VA_SIZE) {
			goto out;
		}
	}
	if (va->va_mask & VA_MODE)
		tn->tn_mode = (tn->tn_mode & S_IFMT) | (va->va_mode & 07777);
	if (va->va_mask & VA_UID)
		tn->tn_uid = va->va_uid;
	if (va->va_mask & VA_GID)
		tn->tn_gid = va->va_gid;
	if (va->va_mask & VA_ATIME)
		tn->tn_atime = va->va_atime;
	if (va->va_mask & VA_MTIME)
		tn->tn_mtime = va->va_mtime;
	if (va->va_mask & VA_CTIME)
		tn->tn_ctime = va->va_ctime;
	else
		tmpfs_touch(tn, TN_CTIME);
out:
	rw_exit(&tm->tm_lock);
	return error;
}

int
tmpfs_fsync(struct vnode *vp, bool dataonly)
{
	(void)vp;
	(void)dataonly;
	return 0; /* memory is as stable as it gets */
}

int
tmpfs_allocate(struct vnode *vp, int mode, off_t off, off_t len)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	uint64_t first = (uint64_t)off / PAGE_SIZE;
	uint64_t last = ((uint64_t)off + (uint64_t)len - 1) / PAGE_SIZE;
	int error = 0;

	if (off + len > TMPFS_MAXFILESIZE)
		return -EFBIG;
	rw_enter(&tm->tm_lock, RW_WRITER);
	if ((tn->tn_seals & F_SEAL_GROW) && off + len > tn->tn_size) {
		error = -EPERM;
		goto out;
	}
	if (last - first + 1 > tm->tm_maxpages - tm->tm_pages) {
		error = -ENOSPC;
		goto out;
	}
	for (uint64_t pg = first; pg <= last; pg++) {
		void *page;
		error = tmpfs_page_get(tm, tn, pg, &page);
		if (error != 0)
			goto out;
	}
	if (!(mode & FALLOC_FL_KEEP_SIZE) && off + len > tn->tn_size) {
		tmpfs_zero_range(tn, tn->tn_size, off + len);
		tn->tn_size = off + len;
	}
	tmpfs_touch(tn, TN_CTIME | ((mode & FALLOC_FL_KEEP_SIZE) ? 0 : TN_MTIME));
out:
	rw_exit(&tm->tm_lock);
	return error;
}

off_t
tmpfs_seekdata(struct vnode *vp, off_t off, int whence)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	uint64_t pg;
	off_t res;

	rw_enter(&tm->tm_lock, RW_READER);
	if (off < 0 || off >= tn->tn_size) {
		res = -ENXIO;
		goto out;
	}
	pg = tmpfs_next_page(tn, (uint64_t)off / PAGE_SIZE,
	    whence == SEEK_HOLE);
	if (whence == SEEK_DATA) {
		if (pg == UINT64_MAX || (off_t)(pg * PAGE_SIZE) >= tn->tn_size)
			res = -ENXIO;
		else
			res = MAX(off, (off_t)(pg * PAGE_SIZE));
	} else {
		res = MAX(off, (off_t)MIN(pg * PAGE_SIZE, (uint64_t)tn->tn_size));
	}
out:
	rw_exit(&tm->tm_lock);
	return res;
}
