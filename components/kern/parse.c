/*
 * parse.c -- number parsing for bootstrap parameters and the like.
 */
#include <kern/libkern.h>
#include <abi/errno.h>

int
parse_u64(const char *s, const char *stop, uint64_t *val, const char **endp)
{
	uint64_t v = 0;
	unsigned base = 10, digit;
	const char *p = s;
	int ndigits = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	for (;; p++, ndigits++) {
		char c = *p;
		if (c >= '0' && c <= '9')
			digit = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			digit = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			digit = (unsigned)(c - 'A' + 10);
		else
			break;
		if (v > (UINT64_MAX - digit) / base)
			return -ERANGE;
		v = v * base + digit;
	}
	if (ndigits == 0)
		return -EINVAL;
	if (*p != '\0' && (stop == NULL || strchr(stop, *p) == NULL))
		return -EINVAL;
	*val = v;
	if (endp != NULL)
		*endp = p;
	return 0;
}
