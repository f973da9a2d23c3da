/*
 * ktest.h -- kernel self-tests: tests written as kernel code, so one
 * source runs hosted (tests/ktest/runner_cmocka.c drives them as cmocka
 * tests) and inside a booted image (the hw platform's test runner).
 *
 *	KTEST(kmem_alloc_free)
 *	{
 *		void *p = kmem_alloc(10, KM_SLEEP);
 *		if (!KT_CHECK(kt, p != NULL))
 *			return;
 *		...
 *	}
 *
 * A test body runs holding a virtual CPU, as curlwp of a fresh process.
 * KT_CHECK records a failure (first one's file, line and text) and
 * evaluates to whether the condition held; the test decides whether to
 * go on.  ktest_skip() marks the test skipped with a reason.
 */
#ifndef KTEST_H
#define KTEST_H

#include <kern/kern.h>

struct ktest_ctx {
	int failed;
	int skipped;
	char msg[256];
};

struct ktest {
	const char *kt_name;
	void (*kt_fn)(struct ktest_ctx *kt);
};

#define KTEST(name)                                                     \
	static void ktest_fn_##name(struct ktest_ctx *kt);              \
	const struct ktest ktest_##name                                 \
	    __attribute__((__section__("rump_ktests"), __used__,       \
		__aligned__(sizeof(void *)))) = { #name, ktest_fn_##name }; \
	static void ktest_fn_##name(struct ktest_ctx *kt)

/* ktest_check: record a failed check unless ok; returns ok. */
bool ktest_check(struct ktest_ctx *kt, bool ok, const char *file, int line,
    const char *text);
#define KT_CHECK(kt, cond) ktest_check((kt), (cond), __FILE__, __LINE__, #cond)
/* KT_EQ: as KT_CHECK(a == b) for integers, with both values reported. */
bool ktest_check_eq(struct ktest_ctx *kt, long a, long b, const char *file,
    int line, const char *ta, const char *tb);
#define KT_EQ(kt, a, b)                                                 \
	ktest_check_eq((kt), (long)(a), (long)(b), __FILE__, __LINE__, #a, #b)
void ktest_skip(struct ktest_ctx *kt, const char *why);

#endif /* KTEST_H */
