/*
 * blk_int.h -- internals of components/blk shared between its files.
 */
#ifndef BLK_INT_H
#define BLK_INT_H

#include <blk/blk.h>
#include <kern/kmem.h>
#include <kern/lock.h>
#include <kern/lwp.h>
#include <kern/component.h>

/* blk_dev.c */
extern kmutex_t blk_lock;       /* registry and bio completion */
extern kcondvar_t blk_donecv;   /* a bio completed */
void blkdev_init(void);

/* blk_host.c */
/* blkdev_host_open: a host file as a new referenced, unnamed device. */
int blkdev_host_open(const char *name, const char *hostpath, bool rdonly,
    struct blkdev **bdp);

/* blk_cache.c */
void bcache_init(void);

#endif /* BLK_INT_H */
