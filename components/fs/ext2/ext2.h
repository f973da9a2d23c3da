/*
 * ext2.h -- internals of the ext2 file system component.
 *
 * One reader/writer lock per mount (em_lock) serialises every operation,
 * as in tmpfs; blocks go through the buffer cache of components/blk.
 * A node exists while its vnode is referenced; the inode itself is
 * written into its inode-table block (delayed write) on every change.
 */
#ifndef EXT2_H
#define EXT2_H

#include <kern/kern.h>
#include <kern/kmem.h>
#include <kern/lock.h>
#include <kern/component.h>
#include <vfs/vnode.h>
#include <vfs/mount.h>
#include <vfs/vfs.h>
#include <sys/file.h>
#include <abi/dirent.h>
#include <blk/blk.h>
#include "ext2_fs.h"

struct ext2_node;

struct ext2_mount {
	struct mount *em_mp;
	struct blkdev *em_dev;
	krwlock_t em_lock;
	struct ext2_super em_sb;        /* in-memory copy, written at sync */
	struct ext2_gd *em_gd;          /* em_ngroups descriptors */
	uint32_t em_bsize;
	uint32_t em_ngroups;
	uint32_t em_gdblocks;
	uint32_t em_isize;              /* on-disk inode size */
	uint32_t em_ppb;                /* block pointers per block */
	bool em_rdonly;
	bool em_filetype;               /* dirents carry file_type */
	bool em_dirty;                  /* superblock/gd need writing */
	struct ext2_node *em_nodes;     /* loaded nodes */
	struct ext2_mount *em_next;     /* all mounts (shutdown hook) */
};

struct ext2_node {
	struct ext2_node *en_next;
	struct ext2_mount *en_em;
	struct vnode *en_vnode;
	uint32_t en_ino;
	struct ext2_dinode en_di;       /* the first 128 bytes of the inode */
	uint64_t en_size;
};

#define VTOEN(vp) ((struct ext2_node *)(vp)->v_data)
#define VTOEM(vp) ((struct ext2_mount *)(vp)->v_mount->mnt_data)

/* ext2_vfsops.c */
/* ext2_error: report corruption, mark the fs as having errors; -EIO. */
int ext2_error(struct ext2_mount *em, const char *fmt, ...)
    __printflike(2, 3);
/* ext2_sbdirty: the superblock or group descriptors changed. */
#define ext2_sbdirty(em) ((em)->em_dirty = true)
int ext2_sync_locked(struct ext2_mount *em);

/* ext2_alloc.c */
/* ext2_balloc: a free block, preferably near goal; zeroed in cache. */
int ext2_balloc(struct ext2_mount *em, uint32_t goal, uint32_t *blkp);
void ext2_bfree(struct ext2_mount *em, uint32_t blk);
/* ext2_ialloc: a free inode near directory group dirgroup. */
int ext2_ialloc(struct ext2_mount *em, uint32_t dirgroup, bool isdir,
    uint32_t *inop);
void ext2_ifree(struct ext2_mount *em, uint32_t ino, bool isdir);
/* ext2_blkok: is blk a valid data block number? */
bool ext2_blkok(struct ext2_mount *em, uint32_t blk);

/* ext2_inode.c */
/* ext2_node_get: the node of ino with a referenced vnode. */
int ext2_node_get(struct ext2_mount *em, uint32_t ino,
    struct ext2_node **enp);
/* ext2_node_new: a fresh on-disk inode of mode in a new node. */
int ext2_node_new(struct ext2_mount *em, struct ext2_node *dir, mode_t mode,
    uid_t uid, gid_t gid, struct ext2_node **enp);
/* ext2_iupdate: write the node's inode into its inode-table block. */
int ext2_iupdate(struct ext2_node *en);
/* ext2_itimes: set times (flags VA_ATIME|VA_MTIME|VA_CTIME) to now. */
void ext2_itimes(struct ext2_node *en, int which);
/*
 * ext2_bmap: physical block of logical block lbn; 0 for a hole (if
 * !alloc).  alloc: allocate missing blocks; *newp says the data block
 * is new (and zero).
 */
int ext2_bmap(struct ext2_node *en, uint64_t lbn, bool alloc,
    uint32_t *pblkp, bool *newp);
/* ext2_truncate: free blocks past size, set the size. */
int ext2_truncate(struct ext2_node *en, uint64_t size);
void ext2_setsize(struct ext2_node *en, uint64_t size);
void ext2_node_release(struct ext2_node *en);
#define ext2_blocks_add(en, n) ((en)->en_di.i_blocks += \
	(uint32_t)((n) * ((en)->en_em->em_bsize / 512)))
uint64_t ext2_maxsize(struct ext2_mount *em);
/* A fast symlink keeps its target in i_block: it has no data blocks
 * (an extended-attribute block may still be counted in i_blocks). */
static inline bool
ext2_isfastlink(const struct ext2_node *en)
{
	uint32_t acl = en->en_di.i_file_acl != 0 ?
	    en->en_em->em_bsize / 512 : 0;
	return S_ISLNK(en->en_di.i_mode) && en->en_di.i_blocks == acl;
}

/* ext2_dir.c */
/* ext2_dir_lookup: ino of name in dir (*offp: its entry); -ENOENT. */
int ext2_dir_lookup(struct ext2_node *dir, const char *name, size_t len,
    uint32_t *inop, uint64_t *offp);
int ext2_dir_add(struct ext2_node *dir, const char *name, size_t len,
    uint32_t ino, mode_t mode);
int ext2_dir_remove(struct ext2_node *dir, const char *name, size_t len);
/* ext2_dir_setino: point existing entry name at ino (rename). */
int ext2_dir_setino(struct ext2_node *dir, const char *name, size_t len,
    uint32_t ino, mode_t mode);
/* ext2_dir_isempty: 1 if only "." and "..", 0 if not, or -errno. */
int ext2_dir_isempty(struct ext2_node *dir);
ssize_t ext2_dir_read(struct ext2_node *dir, struct uio *uio, off_t *offp);
int ext2_dir_init(struct ext2_node *dir, uint32_t parent);

/* ext2_rdwr.c: the vnode operations on contents and attributes */
ssize_t ext2_read(struct vnode *vp, struct uio *uio, int ioflag);
ssize_t ext2_write(struct vnode *vp, struct uio *uio, int ioflag);
ssize_t ext2_readlink(struct vnode *vp, struct uio *uio);
int ext2_getattr(struct vnode *vp, struct vattr *va);
int ext2_setattr(struct vnode *vp, const struct vattr *va);

/* ext2_vnops.c */
extern const struct vnodeops ext2_vnodeops;

#endif /* EXT2_H */
