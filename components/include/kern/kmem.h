/*
 * kern/kmem.h -- kernel memory: the kmem allocator with size classes
 * (components/kern/kmem.c) and the memory limit with its page daemon
 * (components/kern/memlimit.c).
 *
 * Every byte the kernel takes from the host is counted against
 * RUMP_MEMLIMIT.  Above the high-water mark the page daemon asks the
 * registered shrinkers (caches) to give memory back; an allocation that
 * would cross the limit first runs the shrinkers synchronously and then
 * fails: kmem_alloc returns NULL, even with KM_SLEEP.  Callers turn that
 * into -ENOMEM.
 */
#ifndef KERN_KMEM_H
#define KERN_KMEM_H

#include <kern/types.h>

#define KM_SLEEP 0x0   /* may wait for a lock; still fails at the limit */
#define KM_NOSLEEP 0x1 /* never blocks */

/* kmem_alloc: size bytes (> 0), aligned to 16; NULL when out of memory. */
void *kmem_alloc(size_t size, int flags);
/* kmem_zalloc: as kmem_alloc, zeroed. */
void *kmem_zalloc(size_t size, int flags);
/* kmem_free: free p, which was allocated with exactly size bytes. */
void kmem_free(void *p, size_t size);
/* kmem_strdup: copy of s in kmem (free with kmem_strfree); NULL: no memory. */
char *kmem_strdup(const char *s, int flags);
void kmem_strfree(char *s);

#define PAGE_SIZE 4096UL
#define PAGE_MASK (PAGE_SIZE - 1)
/* page_alloc / page_free: one PAGE_SIZE-aligned page; NULL: no memory. */
void *page_alloc(int flags);
void page_free(void *p);

/*
 * mem_reserve: account n bytes against the limit before taking them
 * from the host; 0 or -ENOMEM (shrinkers were tried first).  mem_unreserve
 * gives them back.  kmem and page_alloc use these; components that hold
 * host memory some other way must too.
 */
int mem_reserve(size_t n);
void mem_unreserve(size_t n);

/* mem_stats: bytes in use and the limit (UINT64_MAX: none). */
void mem_stats(uint64_t *usedp, uint64_t *limitp);

/*
 * A shrinker is a cache that can give memory back.  shrink() is asked to
 * free about `want` bytes and returns how many it freed.  It is called
 * with a virtual CPU from the page daemon, or from an allocation about to
 * fail -- and that allocating thread may hold any kernel lock, so shrink()
 * must only mutex_tryenter() locks it does not own outright.
 */
struct shrinker {
	const char *name;
	size_t (*shrink)(size_t want);
	struct shrinker *next; /* private */
};
void shrinker_register(struct shrinker *s);
void shrinker_unregister(struct shrinker *s);

#endif /* KERN_KMEM_H */
