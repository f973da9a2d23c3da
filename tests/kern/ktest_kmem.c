/*
 * ktest_kmem.c -- kernel self-tests of the kmem allocator and pages.
 */
#include "../ktest/ktest.h"

KTEST(kmem_sizes_and_alignment)
{
	static const size_t sizes[] = { 1, 15, 16, 17, 100, 1000, 2048, 2049,
		4096, 10000, 100000 };
	void *p[ARRAY_SIZE(sizes)];

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = kmem_alloc(sizes[i], KM_SLEEP);
		if (!KT_CHECK(kt, p[i] != NULL))
			return;
		KT_EQ(kt, (uintptr_t)p[i] % 16, 0);
		memset(p[i], (int)i, sizes[i]);
	}
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *c = p[i];
		KT_EQ(kt, c[0], i);
		KT_EQ(kt, c[sizes[i] - 1], i);
		kmem_free(p[i], sizes[i]);
	}
}

KTEST(kmem_zalloc_is_zeroed)
{
	for (int round = 0; round < 2; round++) {
		unsigned char *p = kmem_zalloc(300, KM_SLEEP);
		if (!KT_CHECK(kt, p != NULL))
			return;
		for (int i = 0; i < 300; i++)
			if (!KT_EQ(kt, p[i], 0))
				break;
		memset(p, 0xaa, 300);
		kmem_free(p, 300);
	}
}

KTEST(kmem_reuses_freed_objects)
{
	void *a = kmem_alloc(64, KM_SLEEP), *b;

	if (!KT_CHECK(kt, a != NULL))
		return;
	kmem_free(a, 64);
	b = kmem_alloc(64, KM_SLEEP);
	KT_CHECK(kt, a == b);
	kmem_free(b, 64);
}

KTEST(kmem_many_objects_distinct)
{
	enum { N = 5000 };
	uint32_t **v = kmem_alloc(N * sizeof(*v), KM_SLEEP);

	if (!KT_CHECK(kt, v != NULL))
		return;
	for (uint32_t i = 0; i < N; i++) {
		v[i] = kmem_alloc(24, KM_SLEEP);
		if (!KT_CHECK(kt, v[i] != NULL))
			return;
		*v[i] = i;
	}
	for (uint32_t i = 0; i < N; i++) {
		KT_EQ(kt, *v[i], i);
		kmem_free(v[i], 24);
	}
	kmem_free(v, N * sizeof(*v));
}

KTEST(kmem_strdup)
{
	char *s = kmem_strdup("component", KM_SLEEP);

	if (!KT_CHECK(kt, s != NULL))
		return;
	KT_EQ(kt, strcmp(s, "component"), 0);
	kmem_strfree(s);
}

KTEST(page_alloc_aligned)
{
	void *p = page_alloc(KM_SLEEP);

	if (!KT_CHECK(kt, p != NULL))
		return;
	KT_EQ(kt, (uintptr_t)p & PAGE_MASK, 0);
	memset(p, 1, PAGE_SIZE);
	page_free(p);
}

KTEST(mem_accounting_balances)
{
	uint64_t before, after, limit;
	void *p;

	mem_stats(&before, &limit);
	p = kmem_alloc(100000, KM_SLEEP);
	if (!KT_CHECK(kt, p != NULL))
		return;
	mem_stats(&after, &limit);
	KT_CHECK(kt, after >= before + 100000);
	kmem_free(p, 100000);
	mem_stats(&after, &limit);
	KT_EQ(kt, after, before);
}
