/*
 * tmpfs_mmap.c -- MAP_SHARED mappings of tmpfs files without an MMU.
 *
 * The program and the kernel share one address space and nothing can
 * make scattered pages look contiguous, so a shared mapping IS the
 * file's memory: on the first mapping of a range, the file's pages there
 * move into one contiguous segment (holes get zeroed pages) and the
 * radix tree points into it.  read/write of the file, and every mapping
 * of the same range or of a part of it, then touch the same bytes.
 * A later mapping that needs pages laid out otherwise -- overlapping a
 * live mapping's segment only partly, or spanning two -- cannot be made
 * coherent and fails with EBUSY; once a segment is no longer mapped its
 * pages may move again.  docs/syscalls.md lists what this means.
 */
#include "tmpfs.h"
#include <rumpuser.h>

struct tmpfs_seg *
tmpfs_seg_of(struct tmpfs_node *tn, const void *p)
{
	const char *c = p;

	for (struct tmpfs_seg *ts = tn->tn_segs; ts != NULL; ts = ts->ts_next)
		if (c >= ts->ts_base &&
		    c < ts->ts_base + ts->ts_npages * PAGE_SIZE)
			return ts;
	return NULL;
}

static void
seg_free(struct tmpfs_seg *ts)
{
	size_t len = ts->ts_npages * PAGE_SIZE;

	rumpuser_free(ts->ts_base, len);
	mem_unreserve(len);
	kmem_free(ts, sizeof(*ts));
}

void
tmpfs_segs_reap(struct tmpfs_node *tn)
{
	struct tmpfs_seg **tsp = &tn->tn_segs, *ts;

	while ((ts = *tsp) != NULL) {
		if (ts->ts_attached == 0 && ts->ts_mapped == 0) {
			*tsp = ts->ts_next;
			seg_free(ts);
		} else {
			tsp = &ts->ts_next;
		}
	}
}

void
tmpfs_zero_range(struct tmpfs_node *tn, off_t from, off_t to)
{
	uint64_t pg;

	/* Only a shared mapping can have written past the end. */
	if (tn->tn_segs == NULL || from >= to)
		return;
	for (pg = (uint64_t)from / PAGE_SIZE;
	    (off_t)(pg * PAGE_SIZE) < to; pg++) {
		off_t start, end;
		char *page;

		pg = tmpfs_next_page(tn, pg, false);
		if (pg == UINT64_MAX || (off_t)(pg * PAGE_SIZE) >= to)
			break;
		page = tmpfs_page(tn, pg);
		start = MAX(from, (off_t)(pg * PAGE_SIZE));
		end = MIN(to, (off_t)((pg + 1) * PAGE_SIZE));
		memset(page + (start & PAGE_MASK), 0, (size_t)(end - start));
	}
}

/* Are pages [pg, pg+npages) of tn laid out contiguously inside ts? */
static bool
seg_holds(struct tmpfs_node *tn, struct tmpfs_seg *ts, uint64_t pg,
    size_t npages)
{
	if (pg < ts->ts_pg || pg + npages > ts->ts_pg + ts->ts_npages)
		return false;
	for (size_t i = 0; i < npages; i++)
		if (tmpfs_page(tn, pg + i) !=
		    ts->ts_base + (pg - ts->ts_pg + i) * PAGE_SIZE)
			return false;
	return true;
}

/*
 * Move pages [pg, pg+npages) of tn into a new segment (tm_lock held as
 * writer).  -EBUSY if one of them is in a live mapping elsewhere.
 */
static int
seg_make(struct tmpfs_mount *tm, struct tmpfs_node *tn, uint64_t pg,
    size_t npages, struct tmpfs_seg **tsp)
{
	size_t len = npages * PAGE_SIZE, holes = 0;
	struct tmpfs_seg *ts, *old;
	void **slot;
	void *mem;
	int error;

	for (size_t i = 0; i < npages; i++) {
		void *page = tmpfs_page(tn, pg + i);
		if (page == NULL)
			holes++;
		else if ((old = tmpfs_seg_of(tn, page)) != NULL &&
		    old->ts_mapped > 0)
			return -EBUSY;
	}
	if (holes > tm->tm_maxpages - tm->tm_pages)
		return -ENOSPC;
	/* Every slot first, so nothing below can fail half-way. */
	for (size_t i = 0; i < npages; i++) {
		error = tmpfs_page_slot(tn, pg + i, &slot);
		if (error != 0)
			return error;
	}
	ts = kmem_zalloc(sizeof(*ts), KM_SLEEP);
	if (ts == NULL)
		return -ENOMEM;
	if (mem_reserve(len) != 0)
		goto out_free;
	if (rumpuser_malloc(len, (int)PAGE_SIZE, &mem) != 0)
		goto out_unreserve;
	ts->ts_base = mem;
	ts->ts_pg = pg;
	ts->ts_npages = npages;
	ts->ts_attached = npages;
	for (size_t i = 0; i < npages; i++) {
		char *to = ts->ts_base + i * PAGE_SIZE;

		(void)tmpfs_page_slot(tn, pg + i, &slot);
		if (*slot != NULL) {
			memcpy(to, *slot, PAGE_SIZE);
			tmpfs_page_release(tn, *slot);
		} else {
			memset(to, 0, PAGE_SIZE);
			tn->tn_npages++;
			tm->tm_pages++;
		}
		*slot = to;
	}
	ts->ts_next = tn->tn_segs;
	tn->tn_segs = ts;
	/* Segments whose last pages just moved here go. */
	tmpfs_segs_reap(tn);
	*tsp = ts;
	return 0;

out_unreserve:
	mem_unreserve(len);
out_free:
	kmem_free(ts, sizeof(*ts));
	return -ENOMEM;
}

int
tmpfs_mmap_shared(struct vnode *vp, uint64_t pg, size_t npages,
    bool prot_write, bool maywrite, void **addrp)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	struct tmpfs_seg *ts = NULL;
	void *first;
	int error = 0;

	if (!S_ISREG(tn->tn_mode))
		return -ENODEV;
	if (npages == 0 || pg + npages > TMPFS_MAXFILESIZE / PAGE_SIZE)
		return -ENOMEM;
	rw_enter(&tm->tm_lock, RW_WRITER);
	if (prot_write && (tn->tn_seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE))) {
		error = -EPERM;
		goto out;
	}
	first = tmpfs_page(tn, pg);
	if (first != NULL)
		ts = tmpfs_seg_of(tn, first);
	if (ts == NULL || !seg_holds(tn, ts, pg, npages)) {
		error = seg_make(tm, tn, pg, npages, &ts);
		/* mmap has no ENOSPC: a full file system is out of memory. */
		if (error == -ENOSPC || error == -EFBIG)
			error = -ENOMEM;
		if (error != 0)
			goto out;
	}
	ts->ts_mapped += npages;
	if (maywrite)
		ts->ts_wmapped += npages;
	*addrp = ts->ts_base + (pg - ts->ts_pg) * PAGE_SIZE;
out:
	rw_exit(&tm->tm_lock);
	return error;
}

void
tmpfs_munmap_shared(struct vnode *vp, void *addr, size_t npages,
    bool maywrite)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	struct tmpfs_seg *ts;

	rw_enter(&tm->tm_lock, RW_WRITER);
	ts = tmpfs_seg_of(tn, addr);
	KASSERT(ts != NULL && ts->ts_mapped >= npages);
	ts->ts_mapped -= npages;
	if (maywrite)
		ts->ts_wmapped -= MIN(npages, ts->ts_wmapped);
	if (ts->ts_mapped == 0) {
		/* Pages a mapping held past the end are the file's no more. */
		uint64_t eof = ((uint64_t)tn->tn_size + PAGE_SIZE - 1) / PAGE_SIZE;

		ts->ts_wmapped = 0;
		for (size_t i = 0; i < ts->ts_npages; i++) {
			uint64_t pg = ts->ts_pg + i;
			void **slot;
			char *page = ts->ts_base + i * PAGE_SIZE;

			if (pg < eof || tmpfs_page(tn, pg) != page)
				continue;
			(void)tmpfs_page_slot(tn, pg, &slot);
			*slot = NULL;
			ts->ts_attached--;
			tn->tn_npages--;
			tm->tm_pages--;
		}
		tmpfs_segs_reap(tn);
	}
	rw_exit(&tm->tm_lock);
}

int
tmpfs_mremap_shared(struct vnode *vp, void *addr, size_t onpages,
    size_t nnpages, bool maywrite, void **addrp)
{
	struct tmpfs_mount *tm = VTOTM(vp);
	struct tmpfs_node *tn = VTON(vp);
	struct tmpfs_seg *ts, *nts;
	uint64_t pg;
	int error;

	if (nnpages > TMPFS_MAXFILESIZE / PAGE_SIZE)
		return -ENOMEM;
	rw_enter(&tm->tm_lock, RW_WRITER);
	ts = tmpfs_seg_of(tn, addr);
	KASSERT(ts != NULL && ts->ts_mapped >= onpages);
	pg = ts->ts_pg + (uint64_t)((char *)addr - ts->ts_base) / PAGE_SIZE;
	if (pg + nnpages > TMPFS_MAXFILESIZE / PAGE_SIZE) {
		error = -ENOMEM;
		goto out;
	}
	/* The old mapping lets go of its pages, so they may move... */
	ts->ts_mapped -= onpages;
	if (maywrite)
		ts->ts_wmapped -= MIN(onpages, ts->ts_wmapped);
	if (seg_holds(tn, ts, pg, nnpages)) {
		nts = ts;
		error = 0;
	} else {
		error = seg_make(tm, tn, pg, nnpages, &nts);
	}
	if (error != 0) {
		/* ...and takes them back if the new one cannot be had. */
		ts->ts_mapped += onpages;
		if (maywrite)
			ts->ts_wmapped += onpages;
		if (error == -ENOSPC || error == -EFBIG)
			error = -ENOMEM;
		goto out;
	}
	nts->ts_mapped += nnpages;
	if (maywrite)
		nts->ts_wmapped += nnpages;
	*addrp = nts->ts_base + (pg - nts->ts_pg) * PAGE_SIZE;
out:
	rw_exit(&tm->tm_lock);
	return error;
}
