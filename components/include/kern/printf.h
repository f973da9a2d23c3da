/*
 * kern/printf.h -- kernel console output, panic and assertions
 * (components/kern/printf.c, subr_prf.c).
 */
#ifndef KERN_PRINTF_H
#define KERN_PRINTF_H

#include <kern/types.h>

/*
 * vsnprintf/snprintf: format into buf (at most size bytes, always
 * NUL-terminated when size > 0).  Conversions: d i u x X o c s p %, flags
 * '-' '0' ' ' '+' '#', width and precision (also '*'), length modifiers
 * hh h l ll z j t.  Returns the length the full output would have had.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printflike(3, 4);

/* printf: write to the kernel console (the host's, see rumpuser). */
int printf(const char *fmt, ...) __printflike(1, 2);
int vprintf(const char *fmt, va_list ap);

/* aprint_verbose: printf only if the kernel boots verbosely (RUMP_VERBOSE). */
void aprint_verbose(const char *fmt, ...) __printflike(1, 2);

/*
 * panic: report an impossible state with the message and end the host
 * with rumpuser_exit(RUMPUSER_PANIC).  Never returns.
 */
void panic(const char *fmt, ...) __printflike(1, 2) __noreturn;

/* KASSERT: panic with file and line when cond is false.  Always on. */
#define KASSERT(cond)                                                   \
	do {                                                            \
		if (__predict_false(!(cond)))                           \
			panic("assertion \"%s\" failed: %s:%d", #cond,  \
			    __FILE__, __LINE__);                        \
	} while (0)

#define KASSERTMSG(cond, ...)                                           \
	do {                                                            \
		if (__predict_false(!(cond)))                           \
			panic(__VA_ARGS__);                             \
	} while (0)

#endif /* KERN_PRINTF_H */
