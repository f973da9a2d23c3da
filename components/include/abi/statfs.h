/*
 * abi/statfs.h -- statfs(2) / fstatfs(2) on x86_64 (120 bytes), its
 * f_flags bits, and the file system magic numbers reported in f_type.
 */
#ifndef ABI_STATFS_H
#define ABI_STATFS_H

#include <kern/types.h>

typedef struct {
	int32_t val[2];
} fsid_t;

struct statfs {
	long f_type;            /* *_MAGIC */
	long f_bsize;           /* optimal transfer block size */
	long f_blocks;          /* counts in f_frsize units */
	long f_bfree;
	long f_bavail;          /* free for unprivileged users */
	long f_files;
	long f_ffree;
	fsid_t f_fsid;
	long f_namelen;         /* longest file name */
	long f_frsize;          /* fragment size */
	long f_flags;           /* ST_* */
	long f_spare[4];
};

/* f_flags (the mount flags, as statvfs(3) reports them). */
#define ST_RDONLY       0x0001
#define ST_NOSUID       0x0002
#define ST_NODEV        0x0004
#define ST_NOEXEC       0x0008
#define ST_SYNCHRONOUS  0x0010
#define ST_VALID        0x0020  /* f_flags is filled in */
#define ST_MANDLOCK     0x0040
#define ST_NOATIME      0x0400
#define ST_NODIRATIME   0x0800
#define ST_RELATIME     0x1000

/* f_type values. */
#define TMPFS_MAGIC             0x01021994
#define RAMFS_MAGIC             0x858458f6
#define EXT2_SUPER_MAGIC        0xEF53
#define EXT3_SUPER_MAGIC        0xEF53
#define EXT4_SUPER_MAGIC        0xEF53
#define PROC_SUPER_MAGIC        0x9fa0
#define SYSFS_MAGIC             0x62656572
#define DEVPTS_SUPER_MAGIC      0x1cd1
#define SOCKFS_MAGIC            0x534F434B
#define PIPEFS_MAGIC            0x50495045
#define ANON_INODE_FS_MAGIC     0x09041934
#define MSDOS_SUPER_MAGIC       0x4d44
#define ISOFS_SUPER_MAGIC       0x9660
#define NFS_SUPER_MAGIC         0x6969
#define FUSE_SUPER_MAGIC        0x65735546
#define OVERLAYFS_SUPER_MAGIC   0x794c7630
#define SQUASHFS_MAGIC          0x73717368
#define CRAMFS_MAGIC            0x28cd3d45
#define BTRFS_SUPER_MAGIC       0x9123683E
#define XFS_SUPER_MAGIC         0x58465342
#define DEBUGFS_MAGIC           0x64626720
#define CGROUP2_SUPER_MAGIC     0x63677270

#endif /* ABI_STATFS_H */
