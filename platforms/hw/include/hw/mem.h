/*
 * hw/mem.h -- physical memory of the hw platform: a page allocator
 * over all RAM (identity-mapped, so addresses are pointers), and small
 * objects carved from pages for the platform's own structures.
 */
#ifndef HW_MEM_H
#define HW_MEM_H

#include "hw/types.h"

/* page.c */
/* Bytes of page metadata needed for RAM up to maxaddr. */
uint64_t rumphw_page_metasize(uint64_t maxaddr);
/* Start the allocator; meta is zeroed storage of rumphw_page_metasize(). */
void rumphw_page_init(uint64_t maxaddr, void *meta);
/* Give RAM [start, end) to the allocator (rounded inwards to pages). */
void rumphw_page_add(uint64_t start, uint64_t end);
/*
 * rumphw_page_alloc: npages contiguous pages aligned to alignpages (a
 * power of two).  Returns NULL when there is no such range.
 */
void *rumphw_page_alloc(uint64_t npages, uint64_t alignpages);
/* rumphw_page_free: give back npages pages starting at p. */
void rumphw_page_free(void *p, uint64_t npages);
/* Tag of an allocated page (the small allocator marks its pages). */
void rumphw_page_settag(void *p, uint8_t tag);
uint8_t rumphw_page_gettag(const void *p);
/* Pages given to the allocator in total / free now. */
uint64_t rumphw_page_total(void);
uint64_t rumphw_page_free_count(void);

/* malloc.c */
/* rumphw_alloc: size bytes (<= PAGE_SIZE/2 from a slab, else pages),
 * aligned to the power of two at or above size up to a page; zeroed. */
void *rumphw_alloc(size_t size);
void rumphw_free(void *p, size_t size);

#endif /* HW_MEM_H */
