/*
 * abi/stat.h -- Linux x86_64 file mode bits, struct stat (stat(2),
 * fstat(2), newfstatat(2)) and struct statx (statx(2)).
 */
#ifndef ABI_STAT_H
#define ABI_STAT_H

#include <kern/types.h>

/* File type, in the S_IFMT bits of a mode. */
#define S_IFMT          0170000
#define S_IFSOCK        0140000
#define S_IFLNK         0120000
#define S_IFREG         0100000
#define S_IFBLK         0060000
#define S_IFDIR         0040000
#define S_IFCHR         0020000
#define S_IFIFO         0010000

#define S_ISLNK(m)      (((m) & S_IFMT) == S_IFLNK)
#define S_ISREG(m)      (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)      (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)      (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)      (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m)     (((m) & S_IFMT) == S_IFIFO)
#define S_ISSOCK(m)     (((m) & S_IFMT) == S_IFSOCK)

/* Set-id, sticky and permission bits. */
#define S_ISUID         0004000
#define S_ISGID         0002000
#define S_ISVTX         0001000
#define S_IRWXU         00700
#define S_IRUSR         00400
#define S_IWUSR         00200
#define S_IXUSR         00100
#define S_IRWXG         00070
#define S_IRGRP         00040
#define S_IWGRP         00020
#define S_IXGRP         00010
#define S_IRWXO         00007
#define S_IROTH         00004
#define S_IWOTH         00002
#define S_IXOTH         00001

/* utimensat(2): tv_nsec values meaning "now" and "leave alone". */
#define UTIME_NOW       ((1L << 30) - 1L)
#define UTIME_OMIT      ((1L << 30) - 2L)

/*
 * struct stat as x86_64 Linux fills it (the "new" stat; x86_64 never had
 * another).  Times are seconds and nanoseconds in separate words.  libc's
 * struct stat on x86_64 has the same layout.
 */
struct stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;      /* 64 bits here, before st_mode: x86_64 only */
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t st_pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;      /* in 512-byte units */
	uint64_t st_atime;
	uint64_t st_atime_nsec;
	uint64_t st_mtime;
	uint64_t st_mtime_nsec;
	uint64_t st_ctime;
	uint64_t st_ctime_nsec;
	int64_t st_spare[3];
};

/* statx(2): a time stamp. */
struct statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t stx_reserved;
};

/*
 * statx(2) result: 256 bytes; stx_mask says which fields were filled.
 * Devices come as major/minor pairs, not encoded.
 */
struct statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t stx_spare0[1];
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align;
	uint32_t stx_dio_offset_align;
	uint64_t stx_spare3[12];
};

/* statx(2) mask bits: asked for in mask, reported in stx_mask. */
#define STATX_TYPE              0x00000001U
#define STATX_MODE              0x00000002U
#define STATX_NLINK             0x00000004U
#define STATX_UID               0x00000008U
#define STATX_GID               0x00000010U
#define STATX_ATIME             0x00000020U
#define STATX_MTIME             0x00000040U
#define STATX_CTIME             0x00000080U
#define STATX_INO               0x00000100U
#define STATX_SIZE              0x00000200U
#define STATX_BLOCKS            0x00000400U
#define STATX_BASIC_STATS       0x000007ffU     /* what struct stat has */
#define STATX_BTIME             0x00000800U
#define STATX_MNT_ID            0x00001000U
#define STATX_DIOALIGN          0x00002000U
#define STATX__RESERVED         0x80000000U     /* must be 0 in a request */
#define STATX_ALL               0x00000fffU     /* deprecated */

/* stx_attributes bits. */
#define STATX_ATTR_COMPRESSED   0x00000004
#define STATX_ATTR_IMMUTABLE    0x00000010
#define STATX_ATTR_APPEND       0x00000020
#define STATX_ATTR_NODUMP       0x00000040
#define STATX_ATTR_ENCRYPTED    0x00000800
#define STATX_ATTR_AUTOMOUNT    0x00001000
#define STATX_ATTR_MOUNT_ROOT   0x00002000
#define STATX_ATTR_VERITY       0x00100000
#define STATX_ATTR_DAX          0x00200000

/* statx(2) flags controlling synchronisation with a remote server. */
#define AT_STATX_SYNC_TYPE      0x6000
#define AT_STATX_SYNC_AS_STAT   0x0000
#define AT_STATX_FORCE_SYNC     0x2000
#define AT_STATX_DONT_SYNC      0x4000

#endif /* ABI_STAT_H */
