/*
 * namecache.c -- the name cache: (directory vnode, name) -> vnode, so
 * repeated lookups skip the file system's directory search.
 *
 * Entries hold no references.  That is safe because a file system
 * removes an entry (cache_remove) before the name goes away and purges
 * a vnode (cache_purge, from vnode_free) before freeing it, both while
 * it holds its own lock, and a hit takes its reference under nc_lock.
 * The cache is bounded and gives memory back through a shrinker.
 */
#include "vfs_int.h"

#define NC_HASHSIZE 1024
#define NC_MAXNAME 31   /* longer names are not cached */
#define NC_MAX 8192     /* entries at most */

struct ncentry {
	struct vnode *nc_dvp;
	struct vnode *nc_vp;
	struct ncentry *nc_hnext;
	uint8_t nc_len;
	char nc_name[NC_MAXNAME];
};

static kmutex_t nc_lock;
static struct ncentry *nc_hash[NC_HASHSIZE];
static int nc_count;

static unsigned int
nc_hashof(struct vnode *dvp, const char *name, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)((uintptr_t)dvp >> 4);

	for (size_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)name[i]) * 16777619u;
	return h % NC_HASHSIZE;
}

static struct ncentry **
nc_find(struct vnode *dvp, const char *name, size_t len)
{
	struct ncentry **pp = &nc_hash[nc_hashof(dvp, name, len)];

	for (; *pp != NULL; pp = &(*pp)->nc_hnext) {
		struct ncentry *e = *pp;
		if (e->nc_dvp == dvp && e->nc_len == len &&
		    memcmp(e->nc_name, name, len) == 0)
			break;
	}
	return pp;
}

struct vnode *
cache_lookup(struct vnode *dvp, const char *name, size_t len)
{
	struct ncentry *e;
	struct vnode *vp = NULL;

	if (len > NC_MAXNAME)
		return NULL;
	mutex_enter(&nc_lock);
	e = *nc_find(dvp, name, len);
	if (e != NULL) {
		vp = e->nc_vp;
		vref(vp);
	}
	mutex_exit(&nc_lock);
	return vp;
}

/* Count e in (or out of) its vnodes' v_ncentries; nc_lock held. */
static void
nc_count_vnodes(struct ncentry *e, int d)
{
	e->nc_vp->v_ncentries += d;
	e->nc_dvp->v_ncentries += d;
}

/* Drop every entry for which match() holds; nc_lock held. */
static size_t
nc_drop(bool (*match)(struct ncentry *, void *), void *arg, size_t max)
{
	size_t n = 0;

	for (int i = 0; i < NC_HASHSIZE && n < max; i++) {
		struct ncentry **pp = &nc_hash[i];
		while (*pp != NULL && n < max) {
			struct ncentry *e = *pp;
			if (match(e, arg)) {
				*pp = e->nc_hnext;
				nc_count_vnodes(e, -1);
				kmem_free(e, sizeof(*e));
				nc_count--;
				n++;
			} else {
				pp = &e->nc_hnext;
			}
		}
	}
	return n;
}

static bool
nc_any(struct ncentry *e, void *arg)
{
	(void)e;
	(void)arg;
	return true;
}

static bool
nc_involves(struct ncentry *e, void *arg)
{
	return e->nc_vp == arg || e->nc_dvp == arg;
}

void
cache_enter(struct vnode *dvp, const char *name, size_t len,
    struct vnode *vp)
{
	struct ncentry *e, **pp;

	if (len > NC_MAXNAME)
		return;
	e = kmem_alloc(sizeof(*e), KM_NOSLEEP);
	if (e == NULL)
		return; /* a cache may forget */
	mutex_enter(&nc_lock);
	pp = nc_find(dvp, name, len);
	if (*pp != NULL) {
		nc_count_vnodes(*pp, -1);
		(*pp)->nc_vp = vp;
		nc_count_vnodes(*pp, 1);
		mutex_exit(&nc_lock);
		kmem_free(e, sizeof(*e));
		return;
	}
	if (nc_count >= NC_MAX)
		nc_drop(nc_any, NULL, NC_MAX / 8);
	e->nc_dvp = dvp;
	e->nc_vp = vp;
	e->nc_len = (uint8_t)len;
	memcpy(e->nc_name, name, len);
	nc_count_vnodes(e, 1);
	pp = &nc_hash[nc_hashof(dvp, name, len)];
	e->nc_hnext = *pp;
	*pp = e;
	nc_count++;
	mutex_exit(&nc_lock);
}

void
cache_remove(struct vnode *dvp, const char *name, size_t len)
{
	struct ncentry **pp, *e;

	if (len > NC_MAXNAME)
		return;
	mutex_enter(&nc_lock);
	pp = nc_find(dvp, name, len);
	e = *pp;
	if (e != NULL) {
		*pp = e->nc_hnext;
		nc_count_vnodes(e, -1);
		nc_count--;
	}
	mutex_exit(&nc_lock);
	if (e != NULL)
		kmem_free(e, sizeof(*e));
}

void
cache_purge(struct vnode *vp)
{
	mutex_enter(&nc_lock);
	if (vp->v_ncentries > 0)
		nc_drop(nc_involves, vp, SIZE_MAX);
	KASSERT(vp->v_ncentries == 0);
	mutex_exit(&nc_lock);
}

/* The page daemon's hook: forget entries; only try the lock (see kmem.h). */
static size_t
nc_shrink(size_t want)
{
	size_t n;

	if (!mutex_tryenter(&nc_lock))
		return 0;
	n = nc_drop(nc_any, NULL, want / sizeof(struct ncentry) + 1);
	mutex_exit(&nc_lock);
	return n * sizeof(struct ncentry);
}

static struct shrinker nc_shrinker = { .name = "namecache", .shrink = nc_shrink };

void
cache_init(void)
{
	mutex_init(&nc_lock, MUTEX_DEFAULT);
	shrinker_register(&nc_shrinker);
}
