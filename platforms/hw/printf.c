/*
 * printf.c -- a small printf for the platform's own messages (boot,
 * exception reports, panics); see hw/lib.h for what it understands.
 */
#include "hw/arch.h"
#include "hw/lib.h"

struct out {
	char *buf;
	size_t size, len; /* buf == NULL: write to the console */
};

static void out_c(struct out *o, char c)
{
	if (o->buf == NULL)
		rumphw_md_putc(c);
	else if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_num(struct out *o, uint64_t v, unsigned base, bool neg,
    int width, char pad, bool left, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	len = n + (neg ? 1 : 0);
	if (neg && pad == '0')
		out_c(o, '-');
	for (; !left && width > len; width--)
		out_c(o, pad);
	if (neg && pad != '0')
		out_c(o, '-');
	while (n)
		out_c(o, tmp[--n]);
	for (; left && width > len; width--)
		out_c(o, ' ');
}

static void out_fmt(struct out *o, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		char pad = ' ';
		bool left = false;
		int width = 0, lng = 0;
		uint64_t u;
		int64_t s;
		const char *str;

		if (*fmt != '%') {
			out_c(o, *fmt);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '0')
				pad = '0';
			else if (*fmt == '-')
				left = true;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 'c':
			out_c(o, (char)va_arg(ap, int));
			break;
		case 's':
			str = va_arg(ap, const char *);
			if (str == NULL)
				str = "(null)";
			for (int n = (int)rumphw_strlen(str); !left && width > n;
			     width--)
				out_c(o, ' ');
			for (int n = 0; str[n]; n++, width--)
				out_c(o, str[n]);
			for (; left && width > 0; width--)
				out_c(o, ' ');
			break;
		case 'd':
		case 'i':
			s = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
			out_num(o, s < 0 ? -(uint64_t)s : (uint64_t)s, 10, s < 0,
			    width, pad, left, false);
			break;
		case 'u':
		case 'x':
		case 'X':
			u = lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
			out_num(o, u, *fmt == 'u' ? 10 : 16, false, width, pad,
			    left, *fmt == 'X');
			break;
		case 'p':
			out_c(o, '0');
			out_c(o, 'x');
			out_num(o, (uintptr_t)va_arg(ap, void *), 16, false,
			    16, '0', false, false);
			break;
		case '%':
			out_c(o, '%');
			break;
		case '\0':
			return;
		default:
			out_c(o, '%');
			out_c(o, *fmt);
			break;
		}
	}
}

int rumphw_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	out_fmt(&o, fmt, ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int rumphw_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = rumphw_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int rumphw_printf(const char *fmt, ...)
{
	struct out o = { NULL, 0, 0 };
	va_list ap;

	va_start(ap, fmt);
	out_fmt(&o, fmt, ap);
	va_end(ap);
	return (int)o.len;
}

void rumphw_puts(const char *s)
{
	while (*s)
		rumphw_md_putc(*s++);
}
