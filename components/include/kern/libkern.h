/*
 * kern/libkern.h -- string and memory functions of the freestanding
 * kernel (components/kern/libkern*.c).  Same contracts as the C library
 * functions of the same names unless said otherwise.
 */
#ifndef KERN_LIBKERN_H
#define KERN_LIBKERN_H

#include <kern/types.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
/* strlcpy: copy with truncation, always NUL-terminated; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
/* strlcat: append with truncation; returns the length it tried to create. */
size_t strlcat(char *dst, const char *src, size_t size);

/*
 * parse_u64: parse the decimal (or 0x hexadecimal) number at s, which
 * must be followed by NUL or a character in `stop` (NULL: only NUL).
 * Returns 0 and *val, or -EINVAL for a malformed number and -ERANGE for
 * one that does not fit; *endp (may be NULL) points after the digits.
 */
int parse_u64(const char *s, const char *stop, uint64_t *val,
    const char **endp);

#endif /* KERN_LIBKERN_H */
