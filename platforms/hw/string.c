/*
 * string.c -- the memory and string functions of the hw platform, under
 * rumphw_ names so an application's libc never sees them.
 */
#include "hw/lib.h"

void *rumphw_memset(void *d, int c, size_t n)
{
	unsigned char *p = d;

	while (n--)
		*p++ = (unsigned char)c;
	return d;
}

void *rumphw_memcpy(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	while (n--)
		*dp++ = *sp++;
	return d;
}

int rumphw_memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *ap = a, *bp = b;

	for (; n; n--, ap++, bp++)
		if (*ap != *bp)
			return *ap - *bp;
	return 0;
}

size_t rumphw_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int rumphw_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

int rumphw_strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (*a == '\0')
			break;
	}
	return 0;
}

size_t rumphw_strlcpy(char *d, const char *s, size_t size)
{
	size_t len = rumphw_strlen(s);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;
		rumphw_memcpy(d, s, n);
		d[n] = '\0';
	}
	return len;
}
