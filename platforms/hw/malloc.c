/*
 * malloc.c -- memory for the kernel (rumpuser_malloc/free) and for the
 * platform's own objects.  Up to 2 KiB, objects come from one-page slabs
 * of a power-of-two size class (so they are aligned to their class);
 * bigger or page-aligned requests go to the page allocator.  Slab pages
 * carry a tag in the page metadata, which is how a free tells the two
 * apart without trusting the caller's alignment.  Slab pages are kept
 * for their class once carved.
 */
#include "hw/lib.h"
#include "hw/mem.h"

#define MINSHIFT 4 /* 16 bytes */
#define MAXSHIFT 11 /* 2048 bytes */
#define NCLASS (MAXSHIFT - MINSHIFT + 1)

struct slot {
	struct slot *next;
};

static struct slot *slots[NCLASS];

static unsigned class_of(size_t size)
{
	unsigned c = 0;

	while ((1UL << (c + MINSHIFT)) < size)
		c++;
	return c;
}

static void *slab_alloc(unsigned c)
{
	size_t sz = 1UL << (c + MINSHIFT);

	if (slots[c] == NULL) {
		char *page = rumphw_page_alloc(1, 1);
		if (page == NULL)
			return NULL;
		rumphw_page_settag(page, (uint8_t)(c + 1));
		for (size_t off = PAGE_SIZE; off >= sz; off -= sz) {
			struct slot *s = (struct slot *)(page + off - sz);
			s->next = slots[c];
			slots[c] = s;
		}
	}
	struct slot *s = slots[c];
	slots[c] = s->next;
	return s;
}

static void slab_free(void *p, unsigned c)
{
	struct slot *s = p;

	s->next = slots[c];
	slots[c] = s;
}

static void *mem_alloc(uint64_t len, uint64_t align)
{
	if (len <= (1UL << MAXSHIFT) && align <= (1UL << MAXSHIFT))
		return slab_alloc(class_of(MAX(len, align)));
	if (len > (1ULL << 52))
		return NULL;
	return rumphw_page_alloc(ROUNDUP(len, PAGE_SIZE) >> PAGE_SHIFT,
	    MAX(align >> PAGE_SHIFT, 1));
}

static void mem_free(void *p, uint64_t len)
{
	uint8_t tag = rumphw_page_gettag((void *)ROUNDDOWN((uintptr_t)p, PAGE_SIZE));

	if (tag)
		slab_free(p, tag - 1u);
	else
		rumphw_page_free(p, ROUNDUP(len, PAGE_SIZE) >> PAGE_SHIFT);
}

void *rumphw_alloc(size_t size)
{
	void *p = mem_alloc(size, 1);

	if (p)
		rumphw_memset(p, 0, size);
	return p;
}

void rumphw_free(void *p, size_t size)
{
	if (p)
		mem_free(p, size);
}

int rumpuser_malloc(uint64_t len, int alignment, void **memp)
{
	void *p;

	if (alignment < 0 || (alignment & (alignment - 1)))
		return HW_EINVAL;
	p = mem_alloc(len ? len : 1, alignment ? (uint64_t)alignment : 8);
	if (p == NULL)
		return HW_ENOMEM;
	*memp = p;
	return 0;
}

void rumpuser_free(void *mem, uint64_t len)
{
	if (mem)
		mem_free(mem, len ? len : 1);
}
