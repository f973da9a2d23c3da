/*
 * kern/atomic.h -- atomic operations, as thin names over the compiler's
 * __atomic builtins so kernel code reads the same everywhere.
 */
#ifndef KERN_ATOMIC_H
#define KERN_ATOMIC_H

#define atomic_load_relaxed(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define atomic_load_acquire(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define atomic_store_relaxed(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define atomic_store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define atomic_inc(p) __atomic_add_fetch((p), 1, __ATOMIC_SEQ_CST)
#define atomic_dec(p) __atomic_sub_fetch((p), 1, __ATOMIC_SEQ_CST)
#define atomic_add(p, v) __atomic_add_fetch((p), (v), __ATOMIC_SEQ_CST)
#define atomic_sub(p, v) __atomic_sub_fetch((p), (v), __ATOMIC_SEQ_CST)
#define atomic_swap(p, v) __atomic_exchange_n((p), (v), __ATOMIC_SEQ_CST)
/* atomic_cas: if *p == old, store new; true if it did. */
#define atomic_cas(p, old, new)                                         \
	({                                                              \
		__typeof__(*(p)) _o = (old);                            \
		__atomic_compare_exchange_n((p), &_o, (new), 0,         \
		    __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);                \
	})
#define membar_sync() __atomic_thread_fence(__ATOMIC_SEQ_CST)

/* cpu_relax: tell the CPU we are spinning. */
#if defined(__x86_64__) || defined(__i386__)
#define cpu_relax() __builtin_ia32_pause()
#elif defined(__aarch64__)
#define cpu_relax() __asm__ __volatile__("yield" ::: "memory")
#else
#define cpu_relax() __asm__ __volatile__("" ::: "memory")
#endif

#endif /* KERN_ATOMIC_H */
