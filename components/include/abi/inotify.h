/*
 * abi/inotify.h -- inotify(7): the event record read(2) returns, the
 * event and watch flag bits and inotify_init1's flags (Linux's
 * linux/inotify.h).
 */
#ifndef ABI_INOTIFY_H
#define ABI_INOTIFY_H

#include <kern/types.h>

/* One event; len bytes of NUL-padded name follow it. */
struct inotify_event {
	int32_t wd;
	uint32_t mask;
	uint32_t cookie;
	uint32_t len;
	char name[];
};

/* Events a watch may ask for, and that read(2) reports. */
#define IN_ACCESS               0x00000001U
#define IN_MODIFY               0x00000002U
#define IN_ATTRIB               0x00000004U
#define IN_CLOSE_WRITE          0x00000008U
#define IN_CLOSE_NOWRITE        0x00000010U
#define IN_OPEN                 0x00000020U
#define IN_MOVED_FROM           0x00000040U
#define IN_MOVED_TO             0x00000080U
#define IN_CREATE               0x00000100U
#define IN_DELETE               0x00000200U
#define IN_DELETE_SELF          0x00000400U
#define IN_MOVE_SELF            0x00000800U
#define IN_ALL_EVENTS           0x00000fffU

/* Reported without being asked for. */
#define IN_UNMOUNT              0x00002000U
#define IN_Q_OVERFLOW           0x00004000U
#define IN_IGNORED              0x00008000U

/* inotify_add_watch flags. */
#define IN_ONLYDIR              0x01000000U
#define IN_DONT_FOLLOW          0x02000000U
#define IN_EXCL_UNLINK          0x04000000U
#define IN_MASK_CREATE          0x10000000U
#define IN_MASK_ADD             0x20000000U
#define IN_ISDIR                0x40000000U     /* in events: a directory */
#define IN_ONESHOT              0x80000000U

/* inotify_init1 flags: the O_* values. */
#define IN_CLOEXEC              02000000
#define IN_NONBLOCK             04000

#endif /* ABI_INOTIFY_H */
