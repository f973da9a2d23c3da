/*
 * ext2_fs.h -- the ext2 on-disk format (revision 1), as the ext2
 * specification describes it.  All fields are little-endian; the
 * supported targets (x86_64, aarch64) are too, so they are used as is.
 */
#ifndef EXT2_FS_H
#define EXT2_FS_H

#include <kern/types.h>

#define EXT2_SUPER_OFFSET 1024  /* byte offset of the superblock */
#define EXT2_SUPER_SIZE 1024
#define EXT2_MAGIC 0xEF53
#define EXT2_ROOT_INO 2
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_NDIR 12            /* direct blocks in i_block */
#define EXT2_IND 12             /* i_block[12]: single indirect */
#define EXT2_DIND 13
#define EXT2_TIND 14
#define EXT2_NBLOCKS 15
#define EXT2_LINK_MAX 32000
#define EXT2_FAST_SYMLINK_MAX 60 /* bytes of i_block */

/* s_state */
#define EXT2_VALID_FS 0x0001    /* cleanly unmounted */
#define EXT2_ERROR_FS 0x0002    /* errors detected */

/* Feature flags (s_feature_*). */
#define EXT2_COMPAT_DIR_PREALLOC  0x0001
#define EXT2_COMPAT_IMAGIC_INODES 0x0002
#define EXT2_COMPAT_HAS_JOURNAL   0x0004
#define EXT2_COMPAT_EXT_ATTR      0x0008
#define EXT2_COMPAT_RESIZE_INO    0x0010
#define EXT2_COMPAT_DIR_INDEX     0x0020
#define EXT2_INCOMPAT_COMPRESSION 0x0001
#define EXT2_INCOMPAT_FILETYPE    0x0002
#define EXT2_INCOMPAT_RECOVER     0x0004
#define EXT2_INCOMPAT_JOURNAL_DEV 0x0008
#define EXT2_INCOMPAT_META_BG     0x0010
#define EXT2_INCOMPAT_EXTENTS     0x0040
#define EXT2_INCOMPAT_64BIT       0x0080
#define EXT2_INCOMPAT_FLEX_BG     0x0200
#define EXT2_RO_COMPAT_SPARSE_SUPER 0x0001
#define EXT2_RO_COMPAT_LARGE_FILE   0x0002
#define EXT2_RO_COMPAT_BTREE_DIR    0x0004

/* What this driver reads, and what it also writes. */
#define EXT2_INCOMPAT_READ  (EXT2_INCOMPAT_FILETYPE | EXT2_INCOMPAT_FLEX_BG)
#define EXT2_INCOMPAT_WRITE EXT2_INCOMPAT_FILETYPE
#define EXT2_RO_COMPAT_WRITE \
	(EXT2_RO_COMPAT_SPARSE_SUPER | EXT2_RO_COMPAT_LARGE_FILE)
/* compat features that do not change what we write (DIR_INDEX: the
 * index flag is cleared on a directory we change, as old drivers do). */
#define EXT2_COMPAT_WRITE (EXT2_COMPAT_DIR_PREALLOC | EXT2_COMPAT_EXT_ATTR | \
	EXT2_COMPAT_RESIZE_INO | EXT2_COMPAT_DIR_INDEX | \
	EXT2_COMPAT_IMAGIC_INODES)

struct ext2_super {
	uint32_t s_inodes_count;
	uint32_t s_blocks_count;
	uint32_t s_r_blocks_count;
	uint32_t s_free_blocks_count;
	uint32_t s_free_inodes_count;
	uint32_t s_first_data_block;
	uint32_t s_log_block_size;      /* block size = 1024 << this */
	uint32_t s_log_frag_size;
	uint32_t s_blocks_per_group;
	uint32_t s_frags_per_group;
	uint32_t s_inodes_per_group;
	uint32_t s_mtime;
	uint32_t s_wtime;
	uint16_t s_mnt_count;
	int16_t s_max_mnt_count;
	uint16_t s_magic;
	uint16_t s_state;
	uint16_t s_errors;
	uint16_t s_minor_rev_level;
	uint32_t s_lastcheck;
	uint32_t s_checkinterval;
	uint32_t s_creator_os;
	uint32_t s_rev_level;
	uint16_t s_def_resuid;
	uint16_t s_def_resgid;
	/* revision 1 */
	uint32_t s_first_ino;
	uint16_t s_inode_size;
	uint16_t s_block_group_nr;
	uint32_t s_feature_compat;
	uint32_t s_feature_incompat;
	uint32_t s_feature_ro_compat;
	uint8_t s_uuid[16];
	char s_volume_name[16];
	char s_last_mounted[64];
	uint8_t s_rest[EXT2_SUPER_SIZE - 200];
};
_Static_assert(sizeof(struct ext2_super) == EXT2_SUPER_SIZE, "superblock");

struct ext2_gd {
	uint32_t bg_block_bitmap;
	uint32_t bg_inode_bitmap;
	uint32_t bg_inode_table;
	uint16_t bg_free_blocks_count;
	uint16_t bg_free_inodes_count;
	uint16_t bg_used_dirs_count;
	uint16_t bg_pad;
	uint8_t bg_reserved[12];
};
_Static_assert(sizeof(struct ext2_gd) == 32, "group descriptor");

struct ext2_dinode {
	uint16_t i_mode;
	uint16_t i_uid;
	uint32_t i_size;
	uint32_t i_atime;
	uint32_t i_ctime;
	uint32_t i_mtime;
	uint32_t i_dtime;
	uint16_t i_gid;
	uint16_t i_links_count;
	uint32_t i_blocks;              /* 512-byte units, metadata included */
	uint32_t i_flags;
	uint32_t i_osd1;
	uint32_t i_block[EXT2_NBLOCKS];
	uint32_t i_generation;
	uint32_t i_file_acl;
	uint32_t i_size_high;           /* regular files: size bits 32..63 */
	uint32_t i_faddr;
	uint8_t i_frag, i_fsize;
	uint16_t i_blocks_hi;
	uint16_t i_uid_high;
	uint16_t i_gid_high;
	uint32_t i_reserved2;
};
_Static_assert(sizeof(struct ext2_dinode) == 128, "inode");

#define EXT2_INDEX_FL 0x00001000        /* hashed-indexed directory */

/* A directory entry; rec_len covers it up to the next one. */
struct ext2_dirent {
	uint32_t inode;                 /* 0: unused */
	uint16_t rec_len;
	uint8_t name_len;
	uint8_t file_type;              /* with INCOMPAT_FILETYPE */
	char name[];
};
#define EXT2_DIRENT_SIZE(namelen) ((8 + (namelen) + 3) & ~3u)

/* file_type values */
#define EXT2_FT_UNKNOWN 0
#define EXT2_FT_REG 1
#define EXT2_FT_DIR 2
#define EXT2_FT_CHR 3
#define EXT2_FT_BLK 4
#define EXT2_FT_FIFO 5
#define EXT2_FT_SOCK 6
#define EXT2_FT_SYMLINK 7

#endif /* EXT2_FS_H */
