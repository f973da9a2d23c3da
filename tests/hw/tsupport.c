/*
 * tsupport.c -- the test-support library of the hw test images (see
 * tsupport.h).
 */
#include "tsupport.h"

typedef __builtin_va_list va_list;
#define va_start(ap, l) __builtin_va_start(ap, l)
#define va_arg(ap, t) __builtin_va_arg(ap, t)
#define va_end(ap) __builtin_va_end(ap)

static int nchecks, nfailed;

/*
 * String instructions, not loops: a compiler may turn a byte loop back
 * into a call of the very function it implements.
 */
void *memset(void *d, int c, size_t n)
{
	void *p = d;

	__asm__ volatile("rep stosb" : "+D"(p), "+c"(n) : "a"(c) : "memory");
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	void *dp = d;

	__asm__ volatile("rep movsb" : "+D"(dp), "+S"(s), "+c"(n) : : "memory");
	return d;
}

void *memmove(void *d, const void *s, size_t n)
{
	if ((uintptr_t)d - (uintptr_t)s >= n)
		return memcpy(d, s, n); /* no harmful overlap forwards */
	char *dp = (char *)d + n - 1;
	const char *sp = (const char *)s + n - 1;
	__asm__ volatile("std; rep movsb; cld"
			 : "+D"(dp), "+S"(sp), "+c"(n)
			 :
			 : "memory");
	return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *ap = a, *bp = b;

	for (; n; n--, ap++, bp++)
		if (*ap != *bp)
			return *ap - *bp;
	return 0;
}

size_t t_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int t_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

bool t_strstr(const char *hay, const char *needle)
{
	size_t n = t_strlen(needle);

	for (; *hay; hay++)
		if (memcmp(hay, needle, n) == 0)
			return true;
	return n == 0;
}

long long t_atou(const char *s)
{
	long long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

static char obuf[256];
static size_t olen;

static void flush(void)
{
	rumpuser_console_write(RUMPUSER_CONSOLE_OUT, obuf, olen);
	olen = 0;
}

static void put(char c)
{
	if (olen == sizeof(obuf))
		flush();
	obuf[olen++] = c;
}

static void putnum(unsigned long long v, unsigned base, int width, char pad)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	for (; width > n; width--)
		put(pad);
	while (n)
		put(tmp[--n]);
}

void t_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int width = 0, lng = 0;
		char pad = ' ';
		long long s;

		if (*fmt != '%') {
			put(*fmt);
			continue;
		}
		if (*++fmt == '0')
			pad = '0';
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z')
			lng++, fmt++;
		switch (*fmt) {
		case 's':
			for (const char *p = va_arg(ap, const char *); *p; p++)
				put(*p);
			break;
		case 'c':
			put((char)va_arg(ap, int));
			break;
		case 'd':
			s = lng ? va_arg(ap, long long) : va_arg(ap, int);
			if (s < 0) {
				put('-');
				s = -s;
			}
			putnum((unsigned long long)s, 10, width, pad);
			break;
		case 'u':
			putnum(lng ? va_arg(ap, unsigned long long) :
				     va_arg(ap, unsigned),
			    10, width, pad);
			break;
		case 'x':
			putnum(lng ? va_arg(ap, unsigned long long) :
				     va_arg(ap, unsigned),
			    16, width, pad);
			break;
		case 'p':
			put('0');
			put('x');
			putnum((unsigned long long)(uintptr_t)va_arg(ap, void *),
			    16, 0, '0');
			break;
		default:
			put(*fmt);
			break;
		}
	}
	va_end(ap);
	flush();
}

int64_t t_now(void)
{
	int64_t s, ns;

	rumpuser_clock_gettime(RUMPUSER_CLOCK_ABSMONO, &s, &ns);
	return s * 1000000000LL + ns;
}

void t_sleep(int64_t ns)
{
	rumpuser_clock_sleep(RUMPUSER_CLOCK_RELWALL, ns / 1000000000LL,
	    ns % 1000000000LL);
}

void t_check(bool ok, const char *what, const char *file, int line)
{
	nchecks++;
	if (ok) {
		t_printf("ok %d - %s\n", nchecks, what);
	} else {
		nfailed++;
		t_printf("not ok %d - %s (%s:%d)\n", nchecks, what, file, line);
	}
}

int t_failed(void)
{
	return nfailed;
}

int t_count(void)
{
	return nchecks;
}
