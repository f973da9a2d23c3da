/*
 * hw/lib.h -- freestanding helpers of the hw platform: memory and string
 * functions, formatted console output and panics.  The names carry the
 * rumphw_ prefix so they never meet an application's libc.
 */
#ifndef HW_LIB_H
#define HW_LIB_H

#include "hw/types.h"

/* string.c */
void *rumphw_memset(void *d, int c, size_t n);
void *rumphw_memcpy(void *d, const void *s, size_t n);
int rumphw_memcmp(const void *a, const void *b, size_t n);
size_t rumphw_strlen(const char *s);
int rumphw_strcmp(const char *a, const char *b);
int rumphw_strncmp(const char *a, const char *b, size_t n);
/* rumphw_strlcpy: copy at most size-1 bytes and NUL-terminate; returns strlen(s). */
size_t rumphw_strlcpy(char *d, const char *s, size_t size);

/* printf.c: a small printf: %c %s %d %i %u %x %X %p %%, flags '0' '-',
 * a width, and the length modifiers l, ll and z. */
int rumphw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int rumphw_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((__format__(__printf__, 3, 4)));
/* rumphw_printf: format to the console (serial), unbuffered. */
int rumphw_printf(const char *fmt, ...)
    __attribute__((__format__(__printf__, 1, 2)));
/* rumphw_puts: write a string to the console as is. */
void rumphw_puts(const char *s);

/* panic.c: report an impossible state with file and line, exit with the
 * panic status.  Never returns. */
void rumphw_panic_at(const char *file, int line, const char *fmt, ...)
    __attribute__((__noreturn__, __format__(__printf__, 3, 4)));
#define rumphw_panic(...) rumphw_panic_at(__FILE__, __LINE__, __VA_ARGS__)
#define RUMPHW_ASSERT(e)                                                  \
	((e) ? (void)0 : rumphw_panic("assertion \"%s\" failed", #e))

#endif /* HW_LIB_H */
