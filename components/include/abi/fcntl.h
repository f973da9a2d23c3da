/*
 * abi/fcntl.h -- Linux x86_64 open(2) flags, *at() flags, fcntl(2)
 * commands and locks, flock(2), renameat2(2), fallocate(2), lseek(2)
 * whence values and access(2) modes.
 */
#ifndef ABI_FCNTL_H
#define ABI_FCNTL_H

#include <kern/types.h>

/* open(2) flags; octal like the UAPI, as their bit positions are octal. */
#define O_ACCMODE       00000003
#define O_RDONLY        00000000
#define O_WRONLY        00000001
#define O_RDWR          00000002
#define O_CREAT         00000100
#define O_EXCL          00000200
#define O_NOCTTY        00000400
#define O_TRUNC         00001000
#define O_APPEND        00002000
#define O_NONBLOCK      00004000
#define O_NDELAY        O_NONBLOCK
#define O_DSYNC         00010000
#define FASYNC          00020000
#define O_ASYNC         FASYNC
#define O_DIRECT        00040000
#define O_LARGEFILE     00100000
#define O_DIRECTORY     00200000
#define O_NOFOLLOW      00400000
#define O_NOATIME       01000000
#define O_CLOEXEC       02000000
#define __O_SYNC        04000000
#define O_SYNC          (__O_SYNC | O_DSYNC)
#define O_RSYNC         O_SYNC
#define O_PATH          010000000
#define __O_TMPFILE     020000000
/* O_TMPFILE always carries O_DIRECTORY so old kernels reject it. */
#define O_TMPFILE       (__O_TMPFILE | O_DIRECTORY)

/* The directory descriptor meaning "the current directory" in *at(). */
#define AT_FDCWD                -100

/* *at() flags. */
#define AT_SYMLINK_NOFOLLOW     0x100
#define AT_EACCESS              0x200   /* faccessat: effective ids */
#define AT_REMOVEDIR            0x200   /* unlinkat: rmdir */
#define AT_SYMLINK_FOLLOW       0x400   /* linkat */
#define AT_NO_AUTOMOUNT         0x800
#define AT_EMPTY_PATH           0x1000
#define AT_RECURSIVE            0x8000

/* fcntl(2) commands. */
#define F_DUPFD         0
#define F_GETFD         1
#define F_SETFD         2
#define F_GETFL         3
#define F_SETFL         4
#define F_GETLK         5
#define F_SETLK         6
#define F_SETLKW        7
#define F_SETOWN        8
#define F_GETOWN        9
#define F_SETSIG        10
#define F_GETSIG        11
#define F_SETOWN_EX     15
#define F_GETOWN_EX     16
#define F_GETOWNER_UIDS 17
#define F_OFD_GETLK     36
#define F_OFD_SETLK     37
#define F_OFD_SETLKW    38
#define F_LINUX_SPECIFIC_BASE 1024
#define F_SETLEASE      (F_LINUX_SPECIFIC_BASE + 0)
#define F_GETLEASE      (F_LINUX_SPECIFIC_BASE + 1)
#define F_NOTIFY        (F_LINUX_SPECIFIC_BASE + 2)
#define F_CANCELLK      (F_LINUX_SPECIFIC_BASE + 5)
#define F_DUPFD_CLOEXEC (F_LINUX_SPECIFIC_BASE + 6)
#define F_SETPIPE_SZ    (F_LINUX_SPECIFIC_BASE + 7)
#define F_GETPIPE_SZ    (F_LINUX_SPECIFIC_BASE + 8)
#define F_ADD_SEALS     (F_LINUX_SPECIFIC_BASE + 9)
#define F_GET_SEALS     (F_LINUX_SPECIFIC_BASE + 10)

/* F_ADD_SEALS / F_GET_SEALS bits. */
#define F_SEAL_SEAL             0x0001
#define F_SEAL_SHRINK           0x0002
#define F_SEAL_GROW             0x0004
#define F_SEAL_WRITE            0x0008
#define F_SEAL_FUTURE_WRITE     0x0010
#define F_SEAL_ALL              (F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | \
				 F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)

/* F_GETOWN_EX / F_SETOWN_EX. */
#define F_OWNER_TID     0
#define F_OWNER_PID     1
#define F_OWNER_PGRP    2

struct f_owner_ex {
	int32_t type;
	pid_t pid;
};

/* F_GETFD / F_SETFD: the only descriptor flag. */
#define FD_CLOEXEC      1

/* struct flock l_type values. */
#define F_RDLCK         0
#define F_WRLCK         1
#define F_UNLCK         2

/* POSIX record lock, as F_GETLK/F_SETLK/F_SETLKW/F_OFD_* take it. */
struct flock {
	int16_t l_type;         /* F_RDLCK, F_WRLCK, F_UNLCK */
	int16_t l_whence;       /* SEEK_SET, SEEK_CUR, SEEK_END */
	off_t l_start;
	off_t l_len;            /* 0: to the end of the file */
	pid_t l_pid;            /* F_GETLK: owner; OFD locks: 0 */
};

/* flock(2) operations. */
#define LOCK_SH         1
#define LOCK_EX         2
#define LOCK_NB         4       /* or'ed in: fail with EWOULDBLOCK */
#define LOCK_UN         8

/* renameat2(2) flags. */
#define RENAME_NOREPLACE        (1 << 0)
#define RENAME_EXCHANGE         (1 << 1)
#define RENAME_WHITEOUT         (1 << 2)

/* fallocate(2) modes. */
#define FALLOC_FL_KEEP_SIZE             0x01
#define FALLOC_FL_PUNCH_HOLE            0x02
#define FALLOC_FL_NO_HIDE_STALE         0x04
#define FALLOC_FL_COLLAPSE_RANGE        0x08
#define FALLOC_FL_ZERO_RANGE            0x10
#define FALLOC_FL_INSERT_RANGE          0x20
#define FALLOC_FL_UNSHARE_RANGE         0x40

/* lseek(2) whence. */
#define SEEK_SET        0
#define SEEK_CUR        1
#define SEEK_END        2
#define SEEK_DATA       3
#define SEEK_HOLE       4
#define SEEK_MAX        SEEK_HOLE

/* access(2) / faccessat(2) modes (a libc name; the kernel uses the bits). */
#define F_OK            0
#define X_OK            1
#define W_OK            2
#define R_OK            4

/* openat2(2): struct open_how and its resolve flags. */
struct open_how {
	uint64_t flags;
	uint64_t mode;
	uint64_t resolve;
};

#define RESOLVE_NO_XDEV         0x01
#define RESOLVE_NO_MAGICLINKS   0x02
#define RESOLVE_NO_SYMLINKS     0x04
#define RESOLVE_BENEATH         0x08
#define RESOLVE_IN_ROOT         0x10
#define RESOLVE_CACHED          0x20

#endif /* ABI_FCNTL_H */
