/*
 * kmem.c -- the kernel's allocator.  Small sizes come from per-class
 * free lists refilled a slab at a time, so a small allocation costs a
 * short spin-locked list operation and no hypercall; large ones go to
 * the host directly.  Every byte taken from the host is reserved against
 * RUMP_MEMLIMIT first (memlimit.c).
 *
 * kmem_free may be called without a virtual CPU (lwp teardown does).
 */
#include "kern_int.h"
#include <rumpuser.h>

#define KMEM_ALIGN 16
#define SLAB_SIZE (16 * 1024)
#define KMEM_LARGE 2048 /* sizes above come from the host directly */

static const uint16_t class_sizes[] = {
	16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048,
};
#define NCLASSES ARRAY_SIZE(class_sizes)

struct freeobj {
	struct freeobj *next;
};

struct kmem_class {
	int lock;               /* spin lock: held for a few instructions */
	uint16_t size;
	struct freeobj *free;
	uint64_t nalloc, nslabs;
} __aligned(64);

static struct kmem_class classes[NCLASSES];
/* size_to_class[(size + 15) / 16]: class index for small sizes */
static uint8_t size_to_class[KMEM_LARGE / KMEM_ALIGN + 1];

static inline void
spin_enter(int *lock)
{
	while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE) != 0)
		while (__atomic_load_n(lock, __ATOMIC_RELAXED) != 0)
			cpu_relax();
}

static inline void
spin_exit(int *lock)
{
	__atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

int
kmem_init(void)
{
	unsigned c = 0;

	for (unsigned i = 0; i < NCLASSES; i++)
		classes[i].size = class_sizes[i];
	for (unsigned i = 0; i <= KMEM_LARGE / KMEM_ALIGN; i++) {
		while (class_sizes[c] < i * KMEM_ALIGN)
			c++;
		size_to_class[i] = (uint8_t)c;
	}
	return 0;
}

/*
 * host_alloc: len bytes from the host, reserved against the limit; when
 * the host has none, caches are shrunk once and the host asked again.
 */
static void *
host_alloc(size_t len, int align)
{
	void *p;

	if (mem_reserve(len) != 0)
		return NULL;
	if (rumpuser_malloc(len, align, &p) == 0)
		return p;
	if (mem_host_exhausted(len) && rumpuser_malloc(len, align, &p) == 0)
		return p;
	mem_unreserve(len);
	return NULL;
}

/* Carve a new slab into objects; called with the class unlocked. */
static int
class_refill(struct kmem_class *kc)
{
	struct freeobj *head = NULL, **tail = &head;
	char *slab;
	size_t n;

	slab = host_alloc(SLAB_SIZE, (int)PAGE_SIZE);
	if (slab == NULL)
		return -ENOMEM;
	n = SLAB_SIZE / kc->size;
	for (size_t i = 0; i < n; i++) {
		struct freeobj *o = (struct freeobj *)(slab + i * kc->size);
		*tail = o;
		tail = &o->next;
	}
	spin_enter(&kc->lock);
	*tail = kc->free;
	kc->free = head;
	kc->nslabs++;
	spin_exit(&kc->lock);
	return 0;
}

void *
kmem_alloc(size_t size, int flags)
{
	struct kmem_class *kc;
	struct freeobj *o;

	(void)flags;
	KASSERT(size > 0);
	if (__predict_false(size > KMEM_LARGE))
		return host_alloc(size, KMEM_ALIGN);
	kc = &classes[size_to_class[(size + KMEM_ALIGN - 1) / KMEM_ALIGN]];
	for (;;) {
		spin_enter(&kc->lock);
		o = kc->free;
		if (__predict_true(o != NULL)) {
			kc->free = o->next;
			kc->nalloc++;
			spin_exit(&kc->lock);
			return o;
		}
		spin_exit(&kc->lock);
		if (class_refill(kc) != 0)
			return NULL;
	}
}

void *
kmem_zalloc(size_t size, int flags)
{
	void *p = kmem_alloc(size, flags);

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

void
kmem_free(void *p, size_t size)
{
	struct kmem_class *kc;
	struct freeobj *o = p;

	KASSERT(p != NULL && size > 0);
	if (size > KMEM_LARGE) {
		rumpuser_free(p, size);
		mem_unreserve(size);
		return;
	}
	kc = &classes[size_to_class[(size + KMEM_ALIGN - 1) / KMEM_ALIGN]];
	spin_enter(&kc->lock);
	o->next = kc->free;
	kc->free = o;
	kc->nalloc--;
	spin_exit(&kc->lock);
}

char *
kmem_strdup(const char *s, int flags)
{
	size_t n = strlen(s) + 1;
	char *d = kmem_alloc(n, flags);

	if (d != NULL)
		memcpy(d, s, n);
	return d;
}

void
kmem_strfree(char *s)
{
	kmem_free(s, strlen(s) + 1);
}

void *
page_alloc(int flags)
{
	(void)flags;
	return host_alloc(PAGE_SIZE, (int)PAGE_SIZE);
}

void
page_free(void *p)
{
	rumpuser_free(p, PAGE_SIZE);
	mem_unreserve(PAGE_SIZE);
}
