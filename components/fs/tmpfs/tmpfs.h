/*
 * tmpfs.h -- interfaces between the files of tmpfs (components/fs/tmpfs)
 * only: the in-memory node and directory entry, grouped by the file
 * that defines their functions.
 *
 * Locking: one reader/writer lock per mount (tm_lock) covers every node
 * and directory of that file system: readers look up, read and stat,
 * writers change anything.  Simple, and never a lock-order problem,
 * since no operation holds two file systems' locks.
 */
#ifndef TMPFS_H
#define TMPFS_H

#include <kern/kern.h>
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/dirent.h>
#include <vfs/vnode.h>
#include <vfs/mount.h>
#include <vfs/namei.h>

struct tmpfs_node;

struct tmpfs_dirent {
	struct tmpfs_dirent *td_next;   /* in creation order */
	struct tmpfs_dirent *td_prev;
	struct tmpfs_dirent *td_hnext;  /* in its hash bucket */
	struct tmpfs_node *td_node;
	off_t td_cookie;                /* readdir position, >= 2 */
	uint16_t td_namelen;
	char td_name[];                 /* not NUL-terminated */
};

/*
 * A run of contiguous pages holding pages of one file: made when the
 * file is mapped MAP_SHARED, so the mapping is the file's own memory
 * (tmpfs_mmap.c).  Its pages sit in the node's radix tree like any
 * other; it is freed when no page of it is in the tree or mapped.
 */
struct tmpfs_seg {
	struct tmpfs_seg *ts_next;      /* the node's segments */
	char *ts_base;
	uint64_t ts_pg;                 /* file page index of ts_base */
	size_t ts_npages;
	size_t ts_attached;             /* of its pages in the radix tree */
	size_t ts_mapped;               /* pages mapped, over all mappings */
	size_t ts_wmapped;              /* of those, by maywrite mappings */
};

struct tmpfs_node {
	struct tmpfs_node *tn_prev, *tn_next; /* all nodes of the mount */
	struct vnode *tn_vnode;         /* lives as long as the node */
	mode_t tn_mode;
	uid_t tn_uid;
	gid_t tn_gid;
	nlink_t tn_nlink;
	bool tn_linkable;               /* O_TMPFILE without O_EXCL */
	ino_t tn_ino;
	dev_t tn_rdev;
	off_t tn_size;
	struct timespec tn_atime, tn_mtime, tn_ctime, tn_btime;
	/* Directories. */
	struct tmpfs_dirent *tn_dfirst, *tn_dlast;
	struct tmpfs_dirent **tn_dhash; /* by name; NULL: not yet made */
	size_t tn_dhsize;               /* buckets, a power of two */
	struct tmpfs_node *tn_parent;   /* ".." (the root: itself) */
	off_t tn_dnextcookie;
	size_t tn_dcount;
	/* Regular files: a radix tree of PAGE_SIZE pages, sparse. */
	void **tn_radix;
	int tn_height;                  /* levels; 0: no pages */
	size_t tn_npages;               /* data pages held */
	struct tmpfs_seg *tn_segs;      /* shared-mapped page runs */
	int tn_seals;                   /* F_SEAL_* (memfd) */
	/* Symlinks. */
	char *tn_link;
};

struct tmpfs_mount {
	krwlock_t tm_lock;
	struct tmpfs_node *tm_root;
	struct tmpfs_node *tm_nodes;    /* all nodes */
	ino_t tm_nextino;
	size_t tm_pages;                /* data pages in use */
	size_t tm_maxpages;             /* size limit */
	size_t tm_nnodes, tm_maxnodes;
};

#define VTON(vp) ((struct tmpfs_node *)(vp)->v_data)
#define VTOTM(vp) ((struct tmpfs_mount *)(vp)->v_mount->mnt_data)

/* tmpfs_subr.c */
/* tmpfs_node_alloc: a node of va's type and owner with its vnode (one
 * reference); -ENOSPC past the node limit, -ENOMEM. */
int tmpfs_node_alloc(struct mount *mp, const struct vattr *va,
    struct tmpfs_node **tnp);
/* tmpfs_node_free: free a node without links or references. */
void tmpfs_node_free(struct tmpfs_mount *tm, struct tmpfs_node *tn);
/* tmpfs_dir_find: the entry name of dn, or NULL. */
struct tmpfs_dirent *tmpfs_dir_find(struct tmpfs_node *dn, const char *name,
    size_t len);
/* tmpfs_dir_add: a new entry name -> tn at the end of dn; -ENOMEM. */
int tmpfs_dir_add(struct tmpfs_node *dn, const char *name, size_t len,
    struct tmpfs_node *tn);
/* tmpfs_dir_unlink: take de out of dn and free it. */
void tmpfs_dir_unlink(struct tmpfs_node *dn, struct tmpfs_dirent *de);
/* tmpfs_dir_free: free dn's hash table (dn is being freed). */
void tmpfs_dir_free(struct tmpfs_node *dn);
/* Time stamps: set the given ones to now. */
#define TN_ATIME 1
#define TN_MTIME 2
#define TN_CTIME 4
void tmpfs_touch(struct tmpfs_node *tn, int which);
/* tmpfs_touch_atime: atime as Linux's relatime would. */
void tmpfs_touch_atime(struct tmpfs_node *tn);

/* tmpfs_pages.c */
/* tmpfs_page: the page holding page index pg, or NULL (a hole). */
void *tmpfs_page(struct tmpfs_node *tn, uint64_t pg);
/* tmpfs_page_get: the page at pg, allocated (zeroed) if missing;
 * -ENOSPC when the limit or memory is exhausted, -EFBIG past the
 * largest file size. */
int tmpfs_page_get(struct tmpfs_mount *tm, struct tmpfs_node *tn,
    uint64_t pg, void **pagep);
/* tmpfs_truncate_pages: free every page from index pg on; with
 * keep_mapped, pages in a live shared mapping are zeroed instead and
 * stay the file's (a mapping keeps seeing the file if it grows again). */
void tmpfs_truncate_pages(struct tmpfs_mount *tm, struct tmpfs_node *tn,
    uint64_t pg, bool keep_mapped);
/* tmpfs_page_slot: the radix slot of page pg, the path to it made;
 * -ENOSPC / -EFBIG as tmpfs_page_get. */
int tmpfs_page_slot(struct tmpfs_node *tn, uint64_t pg, void ***slotp);
/* tmpfs_page_release: a page taken out of tn's tree: freed, or let go
 * of by its segment (tmpfs_segs_reap frees unused segments). */
void tmpfs_page_release(struct tmpfs_node *tn, void *page);
/* tmpfs_next_data: first page index >= pg holding data (or UINT64_MAX);
 * with hole, the first without. */
uint64_t tmpfs_next_page(struct tmpfs_node *tn, uint64_t pg, bool hole);
#define TMPFS_MAXFILESIZE ((off_t)1 << 48)

/* tmpfs_mmap.c: MAP_SHARED mappings (vnode.h documents the ops). */
int tmpfs_mmap_shared(struct vnode *vp, uint64_t pg, size_t npages,
    bool prot_write, bool maywrite, void **addrp);
void tmpfs_munmap_shared(struct vnode *vp, void *addr, size_t npages,
    bool maywrite);
int tmpfs_mremap_shared(struct vnode *vp, void *addr, size_t onpages,
    size_t nnpages, bool maywrite, void **addrp);
/* tmpfs_seg_of: the segment of tn holding page address p, or NULL. */
struct tmpfs_seg *tmpfs_seg_of(struct tmpfs_node *tn, const void *p);
/* tmpfs_segs_reap: free tn's segments no longer used. */
void tmpfs_segs_reap(struct tmpfs_node *tn);
/* tmpfs_zero_range: zero bytes [from, to) of pages tn holds there; for
 * a file growing over pages a shared mapping may have written past its
 * end (those must read as zeros, as on Linux).  tm_lock as writer. */
void tmpfs_zero_range(struct tmpfs_node *tn, off_t from, off_t to);

/* tmpfs_memfd.c: memfd_create's internal instance and file seals. */
void tmpfs_memfd_init(void);
int tmpfs_seals(struct vnode *vp, int add);

/* tmpfs_vnops.c */
extern const struct vnodeops tmpfs_vnodeops;

/* tmpfs_rdwr.c: the operations on contents and attributes (vnode.h
 * documents them). */
ssize_t tmpfs_read(struct vnode *vp, struct uio *uio, int ioflag);
ssize_t tmpfs_write(struct vnode *vp, struct uio *uio, int ioflag);
int tmpfs_getattr(struct vnode *vp, struct vattr *va);
int tmpfs_setattr(struct vnode *vp, const struct vattr *va);
int tmpfs_fsync(struct vnode *vp, bool dataonly);
int tmpfs_allocate(struct vnode *vp, int mode, off_t off, off_t len);
off_t tmpfs_seekdata(struct vnode *vp, off_t off, int whence);

#endif /* TMPFS_H */
