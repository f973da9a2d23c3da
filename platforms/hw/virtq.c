/*
 * virtq.c -- split virtqueues (virtio 1.1, 2.6): descriptor table,
 * available ring and used ring in one allocation laid out as legacy
 * devices require (used ring on the next 4 KiB boundary), which modern
 * devices accept too.  Descriptors chain through a free list.
 *
 * Ordering: the driver writes descriptors and the ring entry before it
 * publishes avail->idx, and reads used entries after it saw used->idx.
 * x86 keeps stores in order and loads in order, so compiler barriers
 * are enough here; a weakly ordered port needs real fences.
 */
#include "hw/lib.h"
#include "hw/mem.h"
#include "hw/virtio.h"

#define barrier() __asm__ volatile("" ::: "memory")
#define VQ_ALIGN 4096

uint64_t rumphw_virtq_bytes(uint16_t size)
{
	uint64_t a = sizeof(struct virtq_desc) * size + 2 * (3 + (uint64_t)size);

	return ROUNDUP(a, VQ_ALIGN) +
	    ROUNDUP(2 * 3 + sizeof(struct virtq_used_elem) * (uint64_t)size,
		VQ_ALIGN);
}

int rumphw_virtq_init(struct rumphw_virtq *vq, unsigned index, uint16_t size,
    void *mem)
{
	char *p = mem;

	if (size == 0 || (size & (size - 1)))
		return HW_EINVAL;
	vq->cookie = rumphw_alloc(sizeof(void *) * size);
	if (vq->cookie == NULL)
		return HW_ENOMEM;
	vq->index = index;
	vq->size = size;
	vq->mem = mem;
	vq->desc = (struct virtq_desc *)p;
	vq->avail = (struct virtq_avail *)(p + sizeof(struct virtq_desc) * size);
	vq->used = (struct virtq_used *)(p +
	    ROUNDUP(sizeof(struct virtq_desc) * size + 2 * (3 + (uint64_t)size),
		VQ_ALIGN));
	for (uint16_t i = 0; i < size; i++)
		vq->desc[i].next = (uint16_t)(i + 1);
	vq->free_head = 0;
	vq->nfree = size;
	vq->last_used = 0;
	return 0;
}

int rumphw_virtq_add(struct rumphw_virtq *vq, const struct rumphw_vbuf *b,
    unsigned n, void *cookie)
{
	uint16_t head = vq->free_head, d = head, last = head;

	if (n == 0 || n > vq->nfree)
		return HW_ENOSPC;
	for (unsigned i = 0; i < n; i++) {
		struct virtq_desc *desc = &vq->desc[d];
		desc->addr = (uintptr_t)b[i].addr; /* identity-mapped */
		desc->len = b[i].len;
		desc->flags = (uint16_t)((b[i].write ? VIRTQ_DESC_F_WRITE : 0) |
		    (i + 1 < n ? VIRTQ_DESC_F_NEXT : 0));
		last = d;
		d = desc->next;
	}
	vq->free_head = vq->desc[last].next;
	vq->nfree = (uint16_t)(vq->nfree - n);
	vq->cookie[head] = cookie;
	vq->avail->ring[vq->avail->idx % vq->size] = head;
	barrier();
	vq->avail->idx++;
	barrier();
	return 0;
}

void *rumphw_virtq_get(struct rumphw_virtq *vq, uint32_t *lenp)
{
	uint16_t head, d;
	void *cookie;

	if (vq->used->idx == vq->last_used)
		return NULL;
	barrier();
	const volatile struct virtq_used_elem *e =
	    &vq->used->ring[vq->last_used % vq->size];
	head = (uint16_t)e->id;
	if (lenp)
		*lenp = e->len;
	vq->last_used++;
	cookie = vq->cookie[head];
	/* Return the chain to the free list. */
	for (d = head; vq->desc[d].flags & VIRTQ_DESC_F_NEXT; d = vq->desc[d].next)
		vq->nfree++;
	vq->nfree++;
	vq->desc[d].next = vq->free_head;
	vq->free_head = head;
	return cookie;
}
