/*
 * ktest_memlimit.c -- RUMP_MEMLIMIT: shrinkers are asked before an
 * allocation fails, and past the limit allocations fail instead of
 * crashing.  Needs a limit: the runner starts it with RUMP_MEMLIMIT set.
 */
#include "../ktest/ktest.h"

static int shrink_calls;
static int enomem_seen_before_shrink;
static void *cache[64];
static int ncache;

/* A cache of 64 KiB blocks that gives them all back when asked. */
static size_t
cache_shrink(size_t want)
{
	size_t got = 0;

	(void)want;
	shrink_calls++;
	while (ncache > 0) {
		kmem_free(cache[--ncache], 65536);
		got += 65536;
	}
	return got;
}

static struct shrinker cache_shrinker = { "ktest-cache", cache_shrink, NULL };

KTEST(memlimit_shrinks_then_enomem)
{
	uint64_t used, limit;
	void **blocks;
	int nblocks = 0, maxblocks;

	mem_stats(&used, &limit);
	if (limit == UINT64_MAX) {
		ktest_skip(kt, "RUMP_MEMLIMIT is not set");
		return;
	}
	shrinker_register(&cache_shrinker);
	/* Fill the cache, then allocate until the limit stops us. */
	while (ncache < 8 && (cache[ncache] = kmem_alloc(65536, KM_SLEEP)))
		ncache++;
	KT_EQ(kt, ncache, 8);
	maxblocks = (int)(limit / 65536) + 16;
	blocks = kmem_zalloc((size_t)maxblocks * sizeof(*blocks), KM_SLEEP);
	if (!KT_CHECK(kt, blocks != NULL))
		goto out;
	for (;;) {
		void *p = kmem_alloc(65536, KM_SLEEP);
		if (p == NULL) {
			if (shrink_calls == 0)
				enomem_seen_before_shrink = 1;
			break;
		}
		if (!KT_CHECK(kt, nblocks < maxblocks)) {
			kmem_free(p, 65536);
			break;
		}
		blocks[nblocks++] = p;
	}
	KT_CHECK(kt, shrink_calls > 0);
	KT_CHECK(kt, !enomem_seen_before_shrink);
	KT_EQ(kt, ncache, 0);
	mem_stats(&used, &limit);
	KT_CHECK(kt, used <= limit);
	/* Small allocations fail cleanly as well: chain them to free them. */
	void **small = NULL, **o;
	while ((o = kmem_alloc(16, KM_NOSLEEP)) != NULL) {
		*o = small;
		small = o;
	}
	while (small != NULL) {
		o = *small;
		kmem_free(small, 16);
		small = o;
	}
	while (nblocks > 0)
		kmem_free(blocks[--nblocks], 65536);
	kmem_free(blocks, (size_t)maxblocks * sizeof(*blocks));
	/* Memory given back is usable again. */
	void *p = kmem_alloc(65536, KM_SLEEP);
	KT_CHECK(kt, p != NULL);
	if (p != NULL)
		kmem_free(p, 65536);
out:
	shrinker_unregister(&cache_shrinker);
}
