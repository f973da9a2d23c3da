/*
 * tsupport.h -- support for the freestanding test images of the hw
 * platform: console output through rumpuser_console_write, a few string
 * functions, and TAP-style checks.  Images are built like kernel
 * components (-ffreestanding -nostdinc -fPIE, red zone, SSE) and linked
 * with librumpuser_hw.a.
 */
#ifndef TSUPPORT_H
#define TSUPPORT_H

#include "rumpuser.h"

typedef __SIZE_TYPE__ size_t;
typedef _Bool bool;
#define true 1
#define false 0
#define NULL ((void *)0)

/* t_printf: %s %c %d %u %x %p with l/ll/z, width and '0' flags. */
void t_printf(const char *fmt, ...) __attribute__((__format__(__printf__, 1, 2)));
size_t t_strlen(const char *s);
int t_strcmp(const char *a, const char *b);
/* t_strstr: whether needle occurs in hay. */
bool t_strstr(const char *hay, const char *needle);
/* t_atou: decimal string to number, or -1 if not a number. */
long long t_atou(const char *s);

/* Monotonic nanoseconds, sleeping for ns. */
int64_t t_now(void);
void t_sleep(int64_t ns);

/* TAP-like: "ok N - what" / "not ok N - what (file:line)". */
void t_check(bool ok, const char *what, const char *file, int line);
#define CHECK(e, what) t_check((e), (what), __FILE__, __LINE__)
/* Number of failed checks so far / checks run so far. */
int t_failed(void);
int t_count(void);

/* The compiler may call these from any C code, as in a libc. */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif /* TSUPPORT_H */
