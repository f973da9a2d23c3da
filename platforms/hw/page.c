/*
 * page.c -- the page allocator: one bit per page of physical memory
 * (set: in use or not RAM), searched first-fit from the lowest page that
 * may be free.  Allocations are exact (17 pages cost 17 pages, which
 * matters in 4 MiB guests), any alignment works, and every freed page is
 * checked against double frees.  A byte per page holds a tag for
 * allocated pages (malloc.c marks its slab pages with it).
 */
#include "hw/lib.h"
#include "hw/mem.h"

#define BITS 64

static uint64_t *bitmap;
static uint8_t *tags;
static uint64_t npfn, nwords;
static uint64_t lowfree; /* no free page below this one */
static uint64_t total, nfree;

static bool used(uint64_t pfn)
{
	return (bitmap[pfn / BITS] >> (pfn % BITS)) & 1;
}

/* Set or clear bits [pfn, pfn + n). */
static void mark(uint64_t pfn, uint64_t n, bool set)
{
	while (n) {
		unsigned bit = pfn % BITS;
		uint64_t cnt = MIN(n, (uint64_t)(BITS - bit));
		uint64_t mask = (cnt == BITS ? ~0ULL : ((1ULL << cnt) - 1)) << bit;
		if (set)
			bitmap[pfn / BITS] |= mask;
		else
			bitmap[pfn / BITS] &= ~mask;
		pfn += cnt;
		n -= cnt;
	}
}

/* First page at or after pfn whose bit equals want; npfn if none. */
static uint64_t find(uint64_t pfn, bool want)
{
	while (pfn < npfn) {
		uint64_t w = bitmap[pfn / BITS];
		if (!want)
			w = ~w;
		w &= ~0ULL << (pfn % BITS);
		if (w)
			return MIN((pfn & ~(uint64_t)(BITS - 1)) +
				(uint64_t)__builtin_ctzll(w),
			    npfn);
		pfn = (pfn & ~(uint64_t)(BITS - 1)) + BITS;
	}
	return npfn;
}

uint64_t rumphw_page_metasize(uint64_t maxaddr)
{
	uint64_t pages = maxaddr >> PAGE_SHIFT;

	return ROUNDUP(ROUNDUP(pages, BITS) / 8 + pages, PAGE_SIZE);
}

void rumphw_page_init(uint64_t maxaddr, void *meta)
{
	npfn = maxaddr >> PAGE_SHIFT;
	nwords = ROUNDUP(npfn, BITS) / BITS;
	bitmap = meta;
	tags = (uint8_t *)(bitmap + nwords);
	rumphw_memset(bitmap, 0xff, nwords * 8);
	lowfree = npfn;
}

void rumphw_page_add(uint64_t start, uint64_t end)
{
	start = ROUNDUP(start, PAGE_SIZE) >> PAGE_SHIFT;
	end = MIN(ROUNDDOWN(end, PAGE_SIZE) >> PAGE_SHIFT, npfn);
	if (end <= start)
		return;
	mark(start, end - start, false);
	lowfree = MIN(lowfree, start);
	total += end - start;
	nfree += end - start;
}

void *rumphw_page_alloc(uint64_t npages, uint64_t alignpages)
{
	uint64_t pfn, stop;

	if (npages == 0 || npages > nfree || alignpages == 0 ||
	    (alignpages & (alignpages - 1)))
		return NULL;
	pfn = find(lowfree, false);
	for (;;) {
		pfn = ROUNDUP(pfn, alignpages);
		if (pfn + npages > npfn || pfn + npages < pfn)
			return NULL;
		stop = find(pfn, true); /* first used page from pfn */
		if (stop >= pfn + npages)
			break;
		pfn = find(stop, false);
	}
	mark(pfn, npages, true);
	for (uint64_t i = 0; i < npages; i++)
		tags[pfn + i] = 0;
	if (pfn == lowfree)
		lowfree = find(pfn + npages, false);
	nfree -= npages;
	return (void *)(uintptr_t)(pfn << PAGE_SHIFT);
}

void rumphw_page_free(void *p, uint64_t npages)
{
	uint64_t pfn = (uintptr_t)p >> PAGE_SHIFT;

	if (((uintptr_t)p & (PAGE_SIZE - 1)) || pfn + npages > npfn ||
	    pfn + npages < pfn)
		rumphw_panic("bad page free %p, %lu pages", p, npages);
	for (uint64_t i = 0; i < npages; i++)
		if (!used(pfn + i))
			rumphw_panic("page %p freed twice",
			    (void *)(uintptr_t)((pfn + i) << PAGE_SHIFT));
	mark(pfn, npages, false);
	lowfree = MIN(lowfree, pfn);
	nfree += npages;
}

void rumphw_page_settag(void *p, uint8_t tag)
{
	tags[(uintptr_t)p >> PAGE_SHIFT] = tag;
}

uint8_t rumphw_page_gettag(const void *p)
{
	uint64_t pfn = (uintptr_t)p >> PAGE_SHIFT;

	return pfn < npfn ? tags[pfn] : 0;
}

uint64_t rumphw_page_total(void)
{
	return total;
}

uint64_t rumphw_page_free_count(void)
{
	return nfree;
}
