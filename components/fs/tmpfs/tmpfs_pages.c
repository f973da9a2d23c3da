/*
 * tmpfs_pages.c -- the data of a regular file: a radix tree of pages,
 * 512 pointers per level, so a sparse file holds pages only where it
 * was written.  Pages come from page_alloc() and so count against
 * RUMP_MEMLIMIT; running out is ENOSPC to the writer.  Pages of a
 * shared mapping's segment (tmpfs_mmap.c) sit in the same tree; taking
 * one out lets go of it instead of freeing it.
 */
#include "tmpfs.h"

#define RADIX_SHIFT 9
#define RADIX_FAN (1U << RADIX_SHIFT)  /* PAGE_SIZE / sizeof(void *) */
#define RADIX_MAXHEIGHT 4              /* 2^36 pages: 2^48 bytes */

static uint64_t
radix_capacity(int height)
{
	return height == 0 ? 0 : (uint64_t)1 << (RADIX_SHIFT * height);
}

void *
tmpfs_page(struct tmpfs_node *tn, uint64_t pg)
{
	void **node = tn->tn_radix;

	if (pg >= radix_capacity(tn->tn_height))
		return NULL;
	for (int level = tn->tn_height - 1; level >= 0 && node != NULL;
	    level--) {
		unsigned idx = (pg >> (RADIX_SHIFT * level)) & (RADIX_FAN - 1);
		if (level == 0)
			return node[idx];
		node = node[idx];
	}
	return NULL;
}

/*
 * File data may not take the kernel's last memory: under RUMP_MEMLIMIT
 * a reserve (1/16 of the limit, at least 256 KiB) stays for everything
 * else, so a full tmpfs is ENOSPC while unlink and close still work.
 */
static bool
mem_reserve_ok(void)
{
	uint64_t used, limit, reserve;

	mem_stats(&used, &limit);
	if (limit == UINT64_MAX)
		return true;
	reserve = MAX(limit / 16, (uint64_t)256 << 10);
	return used + PAGE_SIZE + reserve <= limit;
}

static void *
zpage(void)
{
	void *p = page_alloc(KM_SLEEP);

	if (p != NULL)
		memset(p, 0, PAGE_SIZE);
	return p;
}

int
tmpfs_page_slot(struct tmpfs_node *tn, uint64_t pg, void ***slotp)
{
	void **node, **slot;

	if (pg >= radix_capacity(RADIX_MAXHEIGHT))
		return -EFBIG;
	/* Grow the tree until pg fits. */
	while (pg >= radix_capacity(tn->tn_height)) {
		if (tn->tn_radix != NULL) {
			node = zpage();
			if (node == NULL)
				return -ENOSPC;
			node[0] = tn->tn_radix;
			tn->tn_radix = node;
		}
		tn->tn_height++;
	}
	if (tn->tn_radix == NULL) {
		tn->tn_radix = zpage();
		if (tn->tn_radix == NULL)
			return -ENOSPC;
	}
	node = tn->tn_radix;
	for (int level = tn->tn_height - 1;; level--) {
		unsigned idx = (pg >> (RADIX_SHIFT * level)) & (RADIX_FAN - 1);
		slot = &node[idx];
		if (level == 0)
			break;
		if (*slot == NULL) {
			*slot = zpage();
			if (*slot == NULL)
				return -ENOSPC;
		}
		node = *slot;
	}
	*slotp = slot;
	return 0;
}

int
tmpfs_page_get(struct tmpfs_mount *tm, struct tmpfs_node *tn, uint64_t pg,
    void **pagep)
{
	void **slot;
	void *page;
	int error;

	if (pg >= radix_capacity(RADIX_MAXHEIGHT))
		return -EFBIG;
	page = tmpfs_page(tn, pg);
	if (page != NULL) {
		*pagep = page;
		return 0;
	}
	if (tm->tm_pages >= tm->tm_maxpages || !mem_reserve_ok())
		return -ENOSPC;
	error = tmpfs_page_slot(tn, pg, &slot);
	if (error != 0)
		return error;
	page = zpage();
	if (page == NULL)
		return -ENOSPC;
	*slot = page;
	tn->tn_npages++;
	tm->tm_pages++;
	*pagep = page;
	return 0;
}

void
tmpfs_page_release(struct tmpfs_node *tn, void *page)
{
	struct tmpfs_seg *ts = tn->tn_segs != NULL ? tmpfs_seg_of(tn, page)
	    : NULL;

	if (ts != NULL)
		ts->ts_attached--;
	else
		page_free(page);
}

/* Free pages >= from in the subtree node (level, covering pages from
 * base); true if the subtree is empty afterwards. */
static bool
radix_trunc(struct tmpfs_mount *tm, struct tmpfs_node *tn, void **node,
    int level, uint64_t base, uint64_t from, bool keep_mapped)
{
	uint64_t span = (uint64_t)1 << (RADIX_SHIFT * level);
	bool empty = true;

	for (unsigned i = 0; i < RADIX_FAN; i++) {
		uint64_t start = base + i * span;
		if (node[i] == NULL)
			continue;
		if (start + span <= from) {
			empty = false;
			continue;
		}
		if (level == 0) {
			struct tmpfs_seg *ts = NULL;
			if (keep_mapped && tn->tn_segs != NULL)
				ts = tmpfs_seg_of(tn, node[i]);
			if (ts != NULL && ts->ts_mapped > 0) {
				memset(node[i], 0, PAGE_SIZE);
				empty = false;
				continue;
			}
			tmpfs_page_release(tn, node[i]);
			node[i] = NULL;
			tn->tn_npages--;
			tm->tm_pages--;
		} else if (radix_trunc(tm, tn, node[i], level - 1, start,
		    from, keep_mapped)) {
			page_free(node[i]);
			node[i] = NULL;
		} else {
			empty = false;
		}
	}
	return empty;
}

void
tmpfs_truncate_pages(struct tmpfs_mount *tm, struct tmpfs_node *tn,
    uint64_t pg, bool keep_mapped)
{
	if (tn->tn_radix == NULL)
		return;
	if (radix_trunc(tm, tn, tn->tn_radix, tn->tn_height - 1, 0, pg,
	    keep_mapped)) {
		page_free(tn->tn_radix);
		tn->tn_radix = NULL;
		tn->tn_height = 0;
	}
	if (tn->tn_segs != NULL)
		tmpfs_segs_reap(tn);
}

uint64_t
tmpfs_next_page(struct tmpfs_node *tn, uint64_t pg, bool hole)
{
	uint64_t cap = radix_capacity(tn->tn_height);

	while (pg < cap) {
		void **node = tn->tn_radix;
		int level = tn->tn_height - 1;
		uint64_t span;

		/* Descend as far as the tree goes for pg. */
		for (;;) {
			unsigned idx = (pg >> (RADIX_SHIFT * level)) &
			    (RADIX_FAN - 1);
			if (node == NULL || node[idx] == NULL)
				break;
			if (level == 0)
				break;
			node = node[idx];
			level--;
		}
		if (node != NULL && level == 0 &&
		    node[pg & (RADIX_FAN - 1)] != NULL) {
			if (!hole)
				return pg;
			pg++;
			continue;
		}
		if (hole)
			return pg;
		/* A whole missing subtree: skip it. */
		span = (uint64_t)1 << (RADIX_SHIFT * level);
		pg = (pg / span + 1) * span;
	}
	return hole ? pg : UINT64_MAX;
}
