/*
 * ktest_inotify.c -- kernel self-tests of inotify (components/vfs/
 * inotify.c) through its system call handlers: events of the VFS hooks
 * reach a watch with their names, a watch keeps an unlinked file until
 * it ends, and a closed instance leaves no watch behind.
 */
#include "../ktest/ktest.h"
#include <sys/file.h>
#include <abi/fcntl.h>
#include <abi/inotify.h>
#include <vfs/vfs.h>
#include "syscall_handlers.h"
#include "../../components/vfs/vfs_notify.h"

/* Read one batch of events into buf; the bytes read or -errno. */
static long
kt_events(int fd, void *buf, size_t len)
{
	/* The handlers copy "out" to kernel memory: the same space. */
	return sys_read(fd, buf, len);
}

KTEST(inotify_hooks_name_events)
{
	char buf[512] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf;
	int fd, wd, before = inotify_nwatches;
	long n;

	KT_CHECK(kt, vfs_mkdirat(AT_FDCWD, "/kt_inotify", 0755) == 0);
	fd = (int)sys_inotify_init1(IN_NONBLOCK);
	if (!KT_CHECK(kt, fd >= 0))
		return;
	wd = (int)sys_inotify_add_watch(fd, "/kt_inotify",
	    IN_CREATE | IN_DELETE);
	KT_CHECK(kt, wd >= 1);
	KT_EQ(kt, inotify_nwatches, before + 1);
	KT_EQ(kt, kt_events(fd, buf, sizeof(buf)), -EAGAIN);
	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_inotify/a", S_IFREG | 0644, 0), 0);
	n = kt_events(fd, buf, sizeof(buf));
	KT_EQ(kt, n, (long)sizeof(*ev) + 16);
	KT_EQ(kt, ev->wd, wd);
	KT_EQ(kt, ev->mask, IN_CREATE);
	KT_CHECK(kt, strcmp(ev->name, "a") == 0);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_inotify/a", 0), 0);
	n = kt_events(fd, buf, sizeof(buf));
	KT_EQ(kt, n, (long)sizeof(*ev) + 16);
	KT_EQ(kt, ev->mask, IN_DELETE);
	KT_EQ(kt, sys_close(fd), 0);
	/* The instance's watches die with it. */
	KT_EQ(kt, inotify_nwatches, before);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_inotify", AT_REMOVEDIR), 0);
}

KTEST(inotify_watch_outlives_unlink_until_close)
{
	char buf[512] __attribute__((aligned(8)));
	struct inotify_event *ev = (struct inotify_event *)buf;
	int fd, wd, f;
	long n;

	KT_EQ(kt, vfs_mknodat(AT_FDCWD, "/kt_inotify_f", S_IFREG | 0644, 0), 0);
	f = vfs_openat(AT_FDCWD, "/kt_inotify_f", O_RDWR, 0);
	fd = (int)sys_inotify_init1(IN_NONBLOCK);
	if (!KT_CHECK(kt, fd >= 0 && f >= 0))
		return;
	wd = (int)sys_inotify_add_watch(fd, "/kt_inotify_f", IN_DELETE_SELF);
	KT_EQ(kt, vfs_unlinkat(AT_FDCWD, "/kt_inotify_f", 0), 0);
	/* Still open: not gone yet. */
	KT_EQ(kt, kt_events(fd, buf, sizeof(buf)), -EAGAIN);
	KT_EQ(kt, sys_write(f, "x", 1), 1);
	KT_EQ(kt, sys_close(f), 0);
	n = kt_events(fd, buf, sizeof(buf));
	KT_EQ(kt, n, 2 * (long)sizeof(*ev));
	KT_EQ(kt, ev[0].mask, IN_DELETE_SELF);
	KT_EQ(kt, ev[1].mask, IN_IGNORED);
	KT_EQ(kt, ev[1].wd, wd);
	KT_EQ(kt, sys_inotify_rm_watch(fd, wd), -EINVAL);
	KT_EQ(kt, sys_close(fd), 0);
}
