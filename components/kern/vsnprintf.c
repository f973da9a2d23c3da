/*
 * vsnprintf.c -- the kernel's formatter: the subset of C99 printf the
 * kernel needs (see kern/printf.h), no floating point.
 */
#include <kern/libkern.h>
#include <kern/printf.h>

struct out {
	char *buf;
	size_t size;
	size_t len; /* what the full output would be */
};

static void
put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void
pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

#define F_LEFT 0x01
#define F_ZERO 0x02
#define F_PLUS 0x04
#define F_SPACE 0x08
#define F_ALT 0x10

static void
emit_number(struct out *o, uint64_t v, bool neg, unsigned base, bool upper,
    int flags, int width, int prec)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len, zeros;
	char sign = 0;
	const char *prefix = "";

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v != 0);
	if (prec == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	if (neg)
		sign = '-';
	else if (flags & F_PLUS)
		sign = '+';
	else if (flags & F_SPACE)
		sign = ' ';
	if ((flags & F_ALT) && base == 16 && n > 0)
		prefix = upper ? "0X" : "0x";
	else if ((flags & F_ALT) && base == 8)
		prefix = "0";
	zeros = prec > n ? prec - n : 0;
	len = n + zeros + (sign ? 1 : 0) + (int)strlen(prefix);
	if (prec < 0 && (flags & F_ZERO) && !(flags & F_LEFT) && width > len) {
		zeros += width - len;
		len = width;
	}
	if (!(flags & F_LEFT))
		pad(o, ' ', width - len);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	pad(o, '0', zeros);
	while (n > 0)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		pad(o, ' ', width - len);
}

int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = 0, prec = -1, lng = 0;
		uint64_t v;
		bool neg;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (;; fmt++) {
			char c = fmt[1];
			if (c == '-')
				flags |= F_LEFT;
			else if (c == '0')
				flags |= F_ZERO;
			else if (c == '+')
				flags |= F_PLUS;
			else if (c == ' ')
				flags |= F_SPACE;
			else if (c == '#')
				flags |= F_ALT;
			else
				break;
		}
		fmt++;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
			}
		}
		/* lng: -2 hh, -1 h, 0 int, 1 long, 2 long long/size/intmax */
		for (;; fmt++) {
			if (*fmt == 'l')
				lng++;
			else if (*fmt == 'h')
				lng--;
			else if (*fmt == 'z' || *fmt == 'j' || *fmt == 't')
				lng = 2;
			else
				break;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t s;
			if (lng >= 1)
				s = lng == 1 ? va_arg(ap, long) : va_arg(ap, long long);
			else
				s = va_arg(ap, int);
			if (lng == -1)
				s = (short)s;
			else if (lng <= -2)
				s = (signed char)s;
			neg = s < 0;
			v = neg ? (uint64_t)0 - (uint64_t)s : (uint64_t)s;
			emit_number(&o, v, neg, 10, false, flags, width, prec);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng >= 1)
				v = lng == 1 ? va_arg(ap, unsigned long)
					     : va_arg(ap, unsigned long long);
			else
				v = va_arg(ap, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng <= -2)
				v = (unsigned char)v;
			emit_number(&o, v, false,
			    *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16,
			    *fmt == 'X', flags, width, prec);
			break;
		case 'p':
			v = (uintptr_t)va_arg(ap, void *);
			emit_number(&o, v, false, 16, false, flags | F_ALT,
			    width, prec);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);
			if (!(flags & F_LEFT))
				pad(&o, ' ', width - 1);
			put(&o, c);
			if (flags & F_LEFT)
				pad(&o, ' ', width - 1);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			int len;
			if (s == NULL)
				s = "(null)";
			len = (int)(prec >= 0 ? strnlen(s, (size_t)prec)
					      : strlen(s));
			if (!(flags & F_LEFT))
				pad(&o, ' ', width - len);
			for (int i = 0; i < len; i++)
				put(&o, s[i]);
			if (flags & F_LEFT)
				pad(&o, ' ', width - len);
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			/* Unknown conversion: show it rather than guess. */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return r;
}
